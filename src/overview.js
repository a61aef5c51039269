// Browser helpers for the overviews (timeline, network, map), imported by
// src/overview.rs: fetch the map file (same origin), and save the charts of a
// view as SVG or PNG. A chart's colours come from the page's CSS custom
// properties, so a saved copy gets the computed styles written in as
// presentation attributes.

import { offer } from './storage.js';

/** Text of a same-origin file, relative to the page's base URL. */
export async function fetchText(path) {
  const res = await fetch(new URL(path, document.baseURI), { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.text();
}

const STYLE_PROPS = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity',
  'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'paint-order', 'display', 'visibility',
];

// One SVG holding every `svg.chart` under `root`, stacked, styles inlined.
function standalone(root) {
  const ns = 'http://www.w3.org/2000/svg';
  const charts = [...root.querySelectorAll('svg.chart')];
  const out = document.createElementNS(ns, 'svg');
  let width = 0;
  let y = 0;
  const bg = getComputedStyle(document.body).backgroundColor;
  const back = document.createElementNS(ns, 'rect');
  out.append(back);
  for (const svg of charts) {
    const box = svg.viewBox.baseVal;
    const copy = svg.cloneNode(true);
    const src = [svg, ...svg.querySelectorAll('*')];
    const dst = [copy, ...copy.querySelectorAll('*')];
    // Computed styles as presentation attributes (a style attribute would
    // be inline style, which the page's Content-Security-Policy refuses).
    src.forEach((el, i) => {
      const cs = getComputedStyle(el);
      for (const p of STYLE_PROPS) dst[i].setAttribute(p, cs.getPropertyValue(p));
      for (const a of ['tabindex', 'role', 'class', 'aria-pressed', 'aria-label', 'aria-hidden', 'focusable']) dst[i].removeAttribute(a);
    });
    copy.setAttribute('x', '0');
    copy.setAttribute('y', String(y));
    copy.setAttribute('width', String(box.width));
    copy.setAttribute('height', String(box.height));
    out.append(copy);
    width = Math.max(width, box.width);
    y += box.height;
  }
  out.setAttribute('xmlns', ns);
  out.setAttribute('viewBox', `0 0 ${width} ${y}`);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(y));
  back.setAttribute('width', String(width));
  back.setAttribute('height', String(y));
  back.setAttribute('fill', bg);
  return { text: new XMLSerializer().serializeToString(out), width, height: y };
}

/**
 * The download buttons of a view: `button` names the charts' container
 * (`data-chart`, an id), the file (`data-name`) and the format (`data-png`);
 * a failure is written to the status element beside it.
 */
export function saveFrom(button) {
  const status = button.parentElement?.querySelector('[role=status]');
  const { chart, name, png } = button.dataset;
  saveCharts(`#${chart}`, name, png === 'true').then(
    () => status && (status.textContent = ''),
    (e) => status && (status.textContent = `Could not save: ${e.message || e}`),
  );
}

/** Save the charts under the element matching `selector` as `name`.svg or .png. */
export async function saveCharts(selector, name, png) {
  const root = document.querySelector(selector);
  if (!root) throw new Error('nothing to save');
  const { text, width, height } = standalone(root);
  const svg = new Blob([text], { type: 'image/svg+xml' });
  if (!png) return offer(`${name}.svg`, svg);
  const url = URL.createObjectURL(svg);
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise((resolve, reject) => {
      img.onload = resolve;
      img.onerror = () => reject(new Error('the drawing could not be rendered'));
      img.src = url;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    canvas.getContext('2d').drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the drawing could not be encoded');
    offer(`${name}.png`, blob);
  } finally {
    URL.revokeObjectURL(url);
  }
}
