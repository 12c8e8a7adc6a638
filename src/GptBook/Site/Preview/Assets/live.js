// Served by `gptbook serve` only and injected by it into the pages it serves; never part of a built site.
// The page was served at one build generation (data-generation); the server streams the current one. When they
// differ (a rebuild finished or failed, even before this page connected), reload.
(() => {
  const served = document.currentScript && document.currentScript.dataset.generation;
  const events = new EventSource('/__gptbook/events');
  events.onmessage = (e) => {
    if (e.data !== served) location.reload();
  };
})();
