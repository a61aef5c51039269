// The extractor's open data (places, countries, given names, curated names),
// fetched from the same static host the first time the page extracts text
// (a reader's own articles). The compiled-in corpus was extracted at build
// time, so the first screen never waits for these files.

export async function fetchKnowledge(folder, names) {
  return Promise.all(names.map(async (name) => {
    const url = new URL(folder + name, document.baseURI);
    const r = await fetch(url, { credentials: 'same-origin' });
    if (!r.ok) throw new Error(`${url.pathname}: HTTP ${r.status}`);
    return r.text();
  }));
}
