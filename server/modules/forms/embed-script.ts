/**
 * The script embed, served at /forms/embed.js. Plain ES2017 with no dependencies: for every
 * `<div data-agency-form="<publicId>">` it reads the form definition, renders labelled fields, the
 * consent checkbox and the hidden honeypot, and posts the answers as JSON to the public API (the
 * site's origin must be one of the form's allowed origins). `__APP_URL__` is replaced when served.
 */
export const EMBED_SCRIPT = `(function () {
  "use strict";
  var APP = __APP_URL__;
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var k in attrs || {}) if (attrs[k] !== null && attrs[k] !== undefined) node.setAttribute(k, attrs[k]);
    if (text) node.textContent = text;
    return node;
  }
  function render(host, form) {
    var f = el("form", { novalidate: "", "class": "agency-form", "aria-label": form.name });
    f.style.cssText = "display:grid;gap:12px;font:14px system-ui,sans-serif;max-width:480px";
    form.fields.forEach(function (field) {
      var id = "af-" + form.publicId + "-" + field.key.replace(/\\W/g, "_");
      var wrap = el("div");
      wrap.style.cssText = "display:grid;gap:4px";
      wrap.appendChild(el("label", { "for": id }, field.label + (field.required ? " *" : "")));
      var input;
      if (field.type === "textarea") input = el("textarea", { rows: "4" });
      else if (field.type === "select") {
        input = el("select");
        input.appendChild(el("option", { value: "" }, "Choose…"));
        field.options.forEach(function (o) { input.appendChild(el("option", { value: o }, o)); });
      } else input = el("input", { type: field.type });
      input.id = id;
      input.name = field.key;
      if (field.required) input.required = true;
      if (field.placeholder) input.placeholder = field.placeholder;
      input.style.cssText = "padding:8px;border:1px solid #d4d4d8;border-radius:6px;font:inherit";
      var err = el("p", { id: id + "-error", role: "alert" });
      err.style.cssText = "margin:0;color:#b91c1c;font-size:12px";
      input.setAttribute("aria-describedby", err.id);
      wrap.appendChild(input);
      wrap.appendChild(err);
      f.appendChild(wrap);
    });
    var trap = el("div", { "aria-hidden": "true" });
    trap.style.cssText = "position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden";
    trap.appendChild(el("input", { type: "text", name: form.honeypotField, tabindex: "-1", autocomplete: "off" }));
    f.appendChild(trap);
    if (form.consent.text) {
      var c = el("label");
      c.style.cssText = "display:flex;gap:8px;align-items:flex-start";
      c.appendChild(el("input", { type: "checkbox", name: "consent", value: "on" }));
      c.appendChild(el("span", {}, form.consent.text));
      f.appendChild(c);
      var cerr = el("p", { id: "af-" + form.publicId + "-consent-error", role: "alert" });
      cerr.style.cssText = "margin:0;color:#b91c1c;font-size:12px";
      f.appendChild(cerr);
    }
    var status = el("p", { role: "status" });
    var button = el("button", { type: "submit" }, "Send");
    button.style.cssText = "padding:10px 16px;border:0;border-radius:6px;color:#fff;font:inherit;cursor:pointer;background:" + form.workspace.brandColor;
    f.appendChild(button);
    f.appendChild(status);
    f.addEventListener("submit", function (e) {
      e.preventDefault();
      var data = {};
      Array.prototype.forEach.call(f.elements, function (input) {
        if (!input.name) return;
        data[input.name] = input.type === "checkbox" ? input.checked : input.value;
      });
      Array.prototype.forEach.call(f.querySelectorAll("[role=alert]"), function (p) { p.textContent = ""; });
      button.disabled = true;
      status.textContent = "Sending…";
      fetch(APP + "/api/public/forms/" + form.publicId + "/submissions", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(data)
      }).then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (body) {
          button.disabled = false;
          if (res.ok) {
            if (body.redirectUrl) { window.location.href = body.redirectUrl; return; }
            host.textContent = body.message || "Thank you!";
            return;
          }
          status.textContent = (body.error && body.error.message) || "Something went wrong. Please try again.";
          ((body.error && body.error.details && body.error.details.issues) || []).forEach(function (issue) {
            var key = issue.path.replace(/^body\\./, "");
            var target = key === "consent" ? f.querySelector("#af-" + form.publicId + "-consent-error") : f.querySelector("#af-" + form.publicId + "-" + key.replace(/\\W/g, "_") + "-error");
            if (target) target.textContent = issue.message;
          });
        });
      }, function () {
        button.disabled = false;
        status.textContent = "Can't reach the server. Please try again.";
      });
    });
    host.innerHTML = "";
    host.appendChild(f);
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-agency-form]"), function (host) {
    var id = host.getAttribute("data-agency-form");
    fetch(APP + "/api/public/forms/" + encodeURIComponent(id), { headers: { Accept: "application/json" } })
      .then(function (res) { return res.ok ? res.json() : Promise.reject(res.status); })
      .then(function (body) { render(host, body.data); }, function () { host.textContent = "This form is not available."; });
  });
})();
`;
