/* Minimal offline API reference: lists the operations of /openapi.json (used when Swagger UI assets are absent). */
(async function () {
  "use strict";
  const box = document.getElementById("ops");
  const el = (tag, text, cls) => { const n = document.createElement(tag); if (text) n.textContent = text; if (cls) n.className = cls; return n; };
  try {
    const spec = await (await fetch("/openapi.json")).json();
    box.replaceChildren();
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const card = el("section", null, "card");
        card.append(el("h2", `${method.toUpperCase()} ${path}`));
        if (op.summary) card.append(el("p", op.summary));
        if (op.description) card.append(el("p", op.description, "muted"));
        const params = (op.parameters || []).map((p) => `${p.name}（${p.in}${p.required ? "，必填" : ""}）`);
        if (params.length) card.append(el("p", `参数：${params.join("、")}`));
        if (op.requestBody) card.append(el("p", `请求体：${Object.keys(op.requestBody.content || {}).join("、")}`));
        card.append(el("p", `响应：${Object.keys(op.responses || {}).join("、")}`, "src"));
        box.append(card);
      }
    }
  } catch (err) {
    box.replaceChildren(el("p", `无法读取 /openapi.json：${err}`, "alert bad"));
  }
})();
