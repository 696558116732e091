// Starts the wasm app. Trunk would inline this in index.html; it is a file of its own so that the
// Content-Security-Policy can forbid inline scripts (script-src 'self'). Trunk.toml's pattern_script
// writes the <script> tag that loads it, with the hashed file names in data attributes.
const tag = document.querySelector('script[data-arena-lens-js]');
const bindings = await import(tag.dataset.arenaLensJs);
const wasm = await bindings.default({ module_or_path: tag.dataset.arenaLensWasm });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
