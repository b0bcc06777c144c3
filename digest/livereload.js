// Live reload and build-error overlay for `build.py serve`.
// The preview server adds this script to HTML responses as they are sent; it is
// never written into the output folder, so a deployed site never carries it.
//
// One file, two roles. In a page it shows or hides the overlay and reloads the
// page when a newer build exists. Inside a SharedWorker it holds the one
// EventSource that every open tab shares: browsers allow six HTTP/1.1
// connections per host, and one long-lived stream per tab would otherwise stall
// the seventh tab's page load.
(function () {
  "use strict";
  var EVENTS = "/__livereload/events";

  if (typeof document === "undefined") {
    var ports = [];
    var last = null;
    var source = new EventSource(EVENTS);
    source.addEventListener("state", function (event) {
      last = event.data;
      ports.forEach(function (port) { port.postMessage(last); });
    });
    self.onconnect = function (event) {
      var port = event.ports[0];
      ports.push(port);
      port.onmessage = function (message) {
        if (message.data === "bye") {
          ports = ports.filter(function (p) { return p !== port; });
        }
      };
      if (last !== null) port.postMessage(last);
    };
    return;
  }

  var script = document.currentScript;
  // "token:seq" of the build this page came from; the token changes when the
  // server restarts, seq grows with every successful build.
  var stamp = (script.getAttribute("data-build") || ":0").split(":");
  var pageToken = stamp[0];
  var pageSeq = Number(stamp[1]);
  var OVERLAY_ID = "__digest_build_error";

  function hide() {
    var old = document.getElementById(OVERLAY_ID);
    if (old) old.remove();
  }

  function show(problems) {
    hide();
    var box = document.createElement("div");
    box.id = OVERLAY_ID;
    box.setAttribute("role", "alert");
    // Inline styles with `all: initial` so the site's own CSS cannot hide or
    // restyle the message.
    box.style.cssText = "all:initial;position:fixed;z-index:2147483647;inset:0 0 auto 0;" +
      "max-height:70vh;overflow:auto;background:#2b0b0b;color:#ffe9e9;" +
      "font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:16px 20px;" +
      "box-shadow:0 4px 24px rgba(0,0,0,.5);border-bottom:4px solid #e5484d;";
    var head = document.createElement("div");
    head.style.cssText = "all:initial;display:block;color:#ff9b9b;font:bold 15px/1.5 ui-monospace,Menlo,Consolas,monospace;margin-bottom:8px;";
    head.textContent = "Build failed \u2014 the page below is the last good build. Fix the file and save; this page reloads by itself.";
    var list = document.createElement("pre");
    list.style.cssText = "all:initial;display:block;white-space:pre-wrap;color:#ffe9e9;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;";
    list.textContent = problems.join("\n");
    box.appendChild(head);
    box.appendChild(list);
    (document.body || document.documentElement).appendChild(box);
  }

  function onState(raw) {
    var state = JSON.parse(raw);
    if (state.problems.length) {
      show(state.problems);
      return;
    }
    hide();
    if (state.token !== pageToken || state.seq > pageSeq) location.reload();
  }

  // A page restored from the back/forward cache has said "bye" to the worker
  // and may be stale: load it afresh.
  addEventListener("pageshow", function (event) {
    if (event.persisted) location.reload();
  });

  if (typeof SharedWorker === "function") {
    try {
      var worker = new SharedWorker(script.src, { name: "digest-livereload" });
      worker.port.onmessage = function (message) { onState(message.data); };
      worker.port.start();
      addEventListener("pagehide", function () { worker.port.postMessage("bye"); });
      return;
    } catch (err) {
      // Fall through to a stream of this page's own.
    }
  }
  var own = new EventSource(EVENTS);
  own.addEventListener("state", function (event) { onState(event.data); });
})();
