// Served by `gptbook serve` only and injected by it into the pages it serves; never part of a built site.
// The server sends the build's generation number; when it changes (a rebuild finished, or failed), reload.
(() => {
  let seen = null;
  const events = new EventSource('/__gptbook/events');
  events.onmessage = (e) => {
    if (seen === null) seen = e.data;
    else if (e.data !== seen) location.reload();
  };
})();
