// The office lead's web app: progressive enhancement only; every page works without it.
// htmx (htmx.min.js) sends the session's CSRF token, from <meta name="csrf-token">, with
// every request it makes. No inline script anywhere: the Content-Security-Policy forbids it.
"use strict";
document.addEventListener("htmx:configRequest", function (event) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta && meta.content) {
    event.detail.headers["X-CSRF-Token"] = meta.content;
  }
});
