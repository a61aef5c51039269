// Loads the app's wasm. A static file instead of Trunk's inline loader, so the
// Content-Security-Policy can forbid inline scripts. Paths are relative to the
// <base href> Trunk writes (the public URL), so sub-path hosting works.

// Compile the wasm while the JS modules load (the glue and its snippets are a
// chain of requests; the wasm is already preloaded): init() takes the
// compiled module. A server sending the wasm with the wrong MIME type makes
// compileStreaming fail, and the glue's own loader (which has a fallback)
// takes the URL instead.
const wasmUrl = new URL('entiscope-app_bg.wasm', document.baseURI);
const compiled = 'compileStreaming' in WebAssembly
  ? WebAssembly.compileStreaming(fetch(wasmUrl)).catch(() => wasmUrl)
  : Promise.resolve(wasmUrl);

// "Reset the data stored in this browser" (offered by the crash screen): done
// here, before the app starts, so it works whatever state the app was in.
const url = new URL(location.href);
if (url.searchParams.get('reset') === '1') {
  url.searchParams.delete('reset');
  history.replaceState(null, '', url);
  await new Promise((resolve) => {
    const req = indexedDB.deleteDatabase('entiscope');
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

// A precomputed corpus: start its head downloading now, in parallel with the
// wasm (src/browser.js takes it over). The postings and the texts are fetched
// when first needed.
const bundle = document.querySelector('meta[name="entiscope-bundle"]');
if (bundle && bundle.content && 'DecompressionStream' in globalThis) {
  const inflate = async (name) => {
    const r = await fetch(new URL(bundle.content + name, document.baseURI), { credentials: 'same-origin' });
    if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
    return new Uint8Array(await new Response(r.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
  };
  globalThis.entiscopeBundlePrefetch = { 'head.bin.gz': inflate('head.bin.gz') };
  for (const p of Object.values(globalThis.entiscopeBundlePrefetch)) p.catch(() => {});
}

// Imported only now (index.html preloads it), so a bundle's head is already
// on its way while the module graph loads.
import('./entiscope-app.js').then(({ default: init, benchExtract, benchReady }) =>
  compiled.then((module_or_path) => init({ module_or_path })).then((wasm) => ({ wasm, benchExtract, benchReady }))
).then(({ wasm, benchExtract, benchReady }) => {
  // Read by `make bench` and the tests: the in-page extractor (await ready()
  // first: it and its data are fetched on first use) and the wasm memories' size.
  // The extractor module, once loaded, has a memory of its own.
  const extractorBytes = () => globalThis.entiscopeExtractorMemory?.buffer.byteLength ?? 0;
  globalThis.entiscopeBench = { ready: benchReady, extract: benchExtract, wasmBytes: () => wasm.memory.buffer.byteLength + extractorBytes() };
}).catch((err) => {
  const p = document.createElement('p');
  p.className = 'boot-error';
  p.setAttribute('role', 'alert');
  p.textContent = 'entiscope could not start: ' + err + '. Reload the page; if it persists, your browser may lack WebAssembly support.';
  document.body.append(p);
});
