/* ResNet Playground: optional script for a page that embeds the playground in an <iframe>.
   Each embed reports its content height ({type: "resnet-playground:height", height}); this
   sets the height of the frame that sent it, so the embed never shows a scroll bar. Without
   this script the iframe keeps the height written in its snippet. Include it once per page:
   <script src="…/embed.js" async></script> */
(() => {
  "use strict";
  if (self.resnetPlaygroundEmbedJS) return; // included twice
  self.resnetPlaygroundEmbedJS = true;
  const MIN = 120, MAX = 4000;
  addEventListener("message", (event) => {
    const msg = event.data;
    if (!msg || msg.type !== "resnet-playground:height") return;
    const h = Number(msg.height);
    if (!Number.isFinite(h)) return;
    for (const frame of document.getElementsByTagName("iframe")) {
      if (frame.contentWindow === event.source) {
        frame.style.height = Math.round(Math.min(Math.max(h, MIN), MAX)) + "px";
        frame.setAttribute("data-resnet-height", String(Math.round(h)));
        return;
      }
    }
  });
})();
