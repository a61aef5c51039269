// Builds assets/map.txt: country outlines from Natural Earth (via the npm
// package world-atlas), simplified, projected and clipped for each frame the
// map view draws, as compact SVG path data. Run `scripts/map/build.sh`.
//
// Each frame is an equirectangular projection with a standard parallel:
//   x = (lon - west) * kx,  y = (north - lat) * ky,  kx = width / (east - west),
//   ky = kx / cos(parallel)
// The app projects places with the same formula (crates/core/src/overview/map.rs)
// from the numbers written here, and a test checks the `checks` points.
// Output is deterministic: same packages, same bytes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import { presimplify, simplify, planarTriangleArea } from 'topojson-simplify';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(HERE, '../../assets/map.txt');
const ATLAS = path.join(HERE, 'node_modules/world-atlas');
const version = JSON.parse(fs.readFileSync(path.join(ATLAS, 'package.json'), 'utf8')).version;

// The world, then closer views of the region the default corpus is about. A
// place is drawn in the smallest frame that holds it.
const FRAMES = [
  { id: 'world', name: 'World', west: -180, east: 180, south: -58, north: 84, parallel: 0, width: 960, scale: '110m', decimals: 0 },
  { id: 'region', name: 'Turkey, the Caucasus and Iran', west: 25.5, east: 63.5, south: 24.5, north: 44.5, parallel: 34.5, width: 960, scale: '50m', decimals: 0 },
  { id: 'caucasus', name: 'South Caucasus', west: 42.5, east: 51, south: 37.8, north: 42.2, parallel: 40, width: 960, scale: '10m', decimals: 0 },
];
// Simplification: drop vertices whose triangle covers less than this many
// square drawing units; rings smaller than MIN_RING are dropped.
const MIN_TRIANGLE = 1.2;
const MIN_RING = 4;
// Clip a little outside the frame so clipped edges never show.
const MARGIN = 8;

function round(v, decimals) {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

// Sutherland–Hodgman: clip a closed ring to an axis-aligned box.
function clip(ring, [x0, y0, x1, y1]) {
  const edges = [
    (p) => p[0] >= x0, (a, b) => { const t = (x0 - a[0]) / (b[0] - a[0]); return [x0, a[1] + t * (b[1] - a[1])]; },
    (p) => p[0] <= x1, (a, b) => { const t = (x1 - a[0]) / (b[0] - a[0]); return [x1, a[1] + t * (b[1] - a[1])]; },
    (p) => p[1] >= y0, (a, b) => { const t = (y0 - a[1]) / (b[1] - a[1]); return [a[0] + t * (b[0] - a[0]), y0]; },
    (p) => p[1] <= y1, (a, b) => { const t = (y1 - a[1]) / (b[1] - a[1]); return [a[0] + t * (b[0] - a[0]), y1]; },
  ];
  let out = ring;
  for (let e = 0; e < edges.length; e += 2) {
    const inside = edges[e];
    const cross = edges[e + 1];
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i];
      const prev = input[(i + input.length - 1) % input.length];
      if (inside(cur)) {
        if (!inside(prev)) out.push(cross(prev, cur));
        out.push(cur);
      } else if (inside(prev)) {
        out.push(cross(prev, cur));
      }
    }
    if (out.length === 0) break;
  }
  return out;
}

// Rings that cross the antimeridian (Fiji, Chukotka) get continuous
// longitudes and a copy a world away, so each side is drawn and clipped.
function unwrapped(polygon) {
  const out = [];
  for (const ring of polygon) {
    const cont = [ring[0].slice()];
    for (let i = 1; i < ring.length; i++) {
      let lon = ring[i][0];
      const prev = cont[i - 1][0];
      while (lon - prev > 180) lon -= 360;
      while (prev - lon > 180) lon += 360;
      cont.push([lon, ring[i][1]]);
    }
    out.push(cont);
    if (cont.some((p) => p[0] > 180)) out.push(cont.map(([lon, lat]) => [lon - 360, lat]));
    if (cont.some((p) => p[0] < -180)) out.push(cont.map(([lon, lat]) => [lon + 360, lat]));
  }
  return out;
}

function area(ring) {
  let a = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[(i + 1) % ring.length];
    a += x0 * y1 - x1 * y0;
  }
  return Math.abs(a) / 2;
}

// "M12 3l4-2 0 5z": absolute start, relative steps, numbers joined with a
// space only where no minus sign separates them.
function pathData(rings, decimals) {
  const num = (v) => String(round(v, decimals));
  const join = (vals) => vals.reduce((s, v) => s + (s && !v.startsWith('-') ? ' ' : '') + v, '');
  return rings
    .map((ring) => {
      const steps = [];
      for (let i = 1; i < ring.length; i++) {
        steps.push(num(ring[i][0] - ring[i - 1][0]), num(ring[i][1] - ring[i - 1][1]));
      }
      return 'M' + join([num(ring[0][0]), num(ring[0][1])]) + 'l' + join(steps) + 'z';
    })
    .join('');
}

function buildFrame(f) {
  // Rounded as written to the file (the app reads 32-bit floats), and used
  // rounded here, so the outlines and the app's markers agree.
  const kx = round(f.width / (f.east - f.west), 6);
  const ky = round(kx / Math.cos((f.parallel * Math.PI) / 180), 6);
  const height = round((f.north - f.south) * ky, 3);
  const project = ([lon, lat]) => [(lon - f.west) * kx, (f.north - lat) * ky];
  const topology = JSON.parse(fs.readFileSync(path.join(ATLAS, `countries-${f.scale}.json`), 'utf8'));
  const simplified = simplify(presimplify(topology, planarTriangleArea), MIN_TRIANGLE / (kx * ky));
  const box = [-MARGIN, -MARGIN, f.width + MARGIN, height + MARGIN];
  const shapes = [];
  for (const country of feature(simplified, simplified.objects.countries).features) {
    const g = country.geometry;
    if (!g) continue;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    const rings = [];
    for (const polygon of polygons) {
      for (const ring of unwrapped(polygon)) {
        // Drop the closing point (z closes), project, clip, round, dedupe.
        const projected = clip(ring.slice(0, -1).map(project), box).map(([x, y]) => [round(x, f.decimals), round(y, f.decimals)]);
        const points = projected.filter((p, i) => i === 0 || p[0] !== projected[i - 1][0] || p[1] !== projected[i - 1][1]);
        if (points.length >= 3 && area(points) >= MIN_RING) rings.push(points);
      }
    }
    if (rings.length) shapes.push({ name: country.properties.name, d: pathData(rings, f.decimals) });
  }
  shapes.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const checks = [
    [f.west, f.north],
    [f.east, f.south],
    [(f.west + f.east) / 2, (f.south + f.north) / 2],
    [49.8671, 40.4093], // Baku
  ].map(([lon, lat]) => [lon, lat, ...project([lon, lat]).map((v) => round(v, 3))]);
  return {
    id: f.id,
    name: f.name,
    west: f.west,
    east: f.east,
    south: f.south,
    north: f.north,
    kx,
    ky,
    width: f.width,
    height,
    checks,
    shapes,
  };
}

// One record a line, tab-separated (see MapData::parse in
// crates/core/src/overview/map.rs): the source, then each frame with its
// projection, its check points and its country outlines.
const source = `Natural Earth (public domain) country outlines at 1:110m, 1:50m and 1:10m, from the npm package world-atlas ${version} (ISC); built by scripts/map/build.mjs`;
const frames = FRAMES.map(buildFrame);
const clean = (s) => String(s).replace(/[\t\n]/g, ' ');
const lines = ['# entiscope map outlines: see assets/README.md', `source\t${source}`];
for (const f of frames) {
  lines.push(['frame', f.id, f.name, f.west, f.east, f.south, f.north, f.kx, f.ky, f.width, f.height].map(clean).join('\t'));
  for (const c of f.checks) lines.push(['check', ...c].join('\t'));
  for (const s of f.shapes) lines.push(['shape', clean(s.name), s.d].join('\t'));
}
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, lines.join('\n') + '\n');
const raw = fs.statSync(OUT).size;
console.log(`${path.relative(process.cwd(), OUT)}: ${raw} bytes, ${frames.map((f) => `${f.id} ${f.shapes.length} shapes`).join(', ')}`);
