// Loads the app's wasm. A static file instead of Trunk's inline loader, so the
// Content-Security-Policy can forbid inline scripts. Paths are relative to the
// <base href> Trunk writes (the public URL), so sub-path hosting works.
import init from './entiscope-app.js';

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

init({ module_or_path: new URL('entiscope-app_bg.wasm', document.baseURI) }).catch((err) => {
  const p = document.createElement('p');
  p.className = 'boot-error';
  p.setAttribute('role', 'alert');
  p.textContent = 'entiscope could not start: ' + err + '. Reload the page; if it persists, your browser may lack WebAssembly support.';
  document.body.append(p);
});
