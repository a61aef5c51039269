// Fetching a precomputed corpus (`entiscope bundle`) from the same static
// host: the page names the bundle's folder in <meta name="entiscope-bundle">,
// files are gzip and inflated by the platform's DecompressionStream, so no
// inflate code ships in the wasm. boot.js starts the head's download before
// the wasm has even compiled; fetchBundleFile takes it over.

export function bundleBase() {
  const m = document.querySelector('meta[name="entiscope-bundle"]');
  const v = m && m.getAttribute('content');
  return v ? v : undefined;
}

export async function inflateUrl(url) {
  const r = await fetch(url, { credentials: 'same-origin' });
  if (!r.ok) throw new Error(`${new URL(url).pathname}: HTTP ${r.status}`);
  const stream = r.body.pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function fetchBundleFile(name) {
  const pre = globalThis.entiscopeBundlePrefetch;
  if (pre && pre[name]) {
    const p = pre[name];
    delete pre[name];
    return p;
  }
  return inflateUrl(new URL(bundleBase() + name, document.baseURI).href);
}
