/* Stance matrix embed loader: include it once in the page that embeds the
   matrix (the embed code does). For every <iframe data-stance-matrix> it sets
   the frame's height to the height the matrix reports, so the page shows the
   whole matrix with no inner scroll box. It reads only height messages, only
   from those frames and only from the origin their src names; it changes
   nothing else on the page. */
(function () {
  'use strict';
  if (window.__stanceMatrixEmbed) return;
  window.__stanceMatrixEmbed = true;
  var MAX = 200000;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'stance-matrix:height' || typeof data.height !== 'number' || !isFinite(data.height)) return;
    var frames = document.querySelectorAll('iframe[data-stance-matrix]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      var origin;
      try {
        origin = new URL(frame.src, location.href).origin;
      } catch (e) {
        return;
      }
      if (origin !== event.origin) return;
      var height = Math.max(0, Math.min(MAX, Math.ceil(data.height)));
      frame.style.blockSize = height + 'px';
      frame.setAttribute('height', String(height));
      return;
    }
  });
})();
