/* PolicyDesk staff page: ask, which regulation governs, document browser, generators.
 * Plain JS over the JSON API; navigation is the URL hash (#ask, #govern, #docs/<id>/<locator>, #generate/<kind>).
 */
(function () {
  "use strict";

  const $ = (sel, root = document) => root.querySelector(sel);

  const STATUS = {
    in_force: ["现行有效", "ok"],
    superseded: ["已废止/被替代", "bad"],
    non_normative: ["非规范性文件", "muted"],
  };
  const KINDS = {
    notice: "通知", measures: "办法", rules: "细则", provisions: "规定", scheme: "方案", program: "规划",
    opinion: "意见", action_plan: "计划", system: "制度", table: "表", pledge: "承诺书", form: "表样",
    letter: "函", news: "新闻报道", summary: "工作总结", preface: "前言", other: "其他",
    law: "法律", regulation: "条例", interpretation: "司法解释", decision: "决定", order: "令", announcement: "公告",
  };
  const RELATIONS = {
    issues: "印发", repeals: "废止", prevails: "以其为准",
    supersedes: "取代旧版", superseded_by: "已被新版取代", refers_to: "引用",
  };
  const CHANGES = { changed: "修改", added: "新增", removed: "删除", renumbered: "条号变动" };
  const FIELD_NAMES = {
    rule: "规则", title: "标题", inputs: "输入", outputs: "结果", explanation: "说明", citations: "依据",
    doc_title: "文件", doc_number: "文号", locator: "条款", quote: "原文", text: "内容", source: "出处",
    value: "值", values: "取值", requirement: "要求", requirements: "要求", year: "年份", deadline: "截止时间",
    consequences: "计算结果", why: "理由", score: "得分",
  };

  // -- helpers ---------------------------------------------------------------------------------
  const el = window.SchemaForm.el;

  class ApiError extends Error {
    constructor(status, body) {
      const err = (body && body.error) || {};
      super(err.message || `请求失败（HTTP ${status}）`);
      this.status = status;
      this.code = err.code || "http_error";
      this.details = err.details || {};
    }
  }

  async function api(path, options = {}) {
    const init = { ...options, headers: { Accept: "application/json", ...(options.headers || {}) } };
    if (options.json !== undefined) {
      init.method = init.method || "POST";
      init.body = JSON.stringify(options.json);
      init.headers["Content-Type"] = "application/json";
    }
    const res = await fetch(path, init);
    if (!res.ok) {
      let body = null;
      try { body = await res.json(); } catch { /* not JSON */ }
      throw new ApiError(res.status, body);
    }
    return options.raw ? res : res.json();
  }

  function showError(container, err) {
    container.replaceChildren(el("div", { class: "alert bad", role: "alert" },
      el("strong", {}, "出错了："), err.message || String(err)));
  }

  function busy(container, text) {
    container.replaceChildren(el("p", { class: "loading" }, text || "正在查询…"));
  }

  function statusBadge(status) {
    const [label, tone] = STATUS[status] || [status || "未知", "muted"];
    return el("span", { class: `badge ${tone}` }, label);
  }

  function sourceText(src) {
    if (!src) return "";
    const lines = src.line_start === src.line_end ? `第${src.line_start}行` : `第${src.line_start}—${src.line_end}行`;
    return `${src.file} ${lines}`;
  }

  function docHref(docId, locator) {
    return `#docs/${encodeURIComponent(docId)}${locator ? "/" + encodeURIComponent(locator) : ""}`;
  }

  /** A link that opens the cited article inside its document (resolving the document via exact lookup if needed). */
  function citationLink(c, extraClass) {
    const label = `《${c.doc_title}》${c.doc_number || ""} ${c.locator || ""}`.trim();
    const a = el("a", { class: `cite ${extraClass || ""}`, href: c.doc_id ? docHref(c.doc_id, c.locator) : "#docs" }, label);
    if (c.doc_id) {
      a.addEventListener("click", (ev) => {  // same citation twice: no hashchange, so route by hand
        if (a.getAttribute("href") === location.hash) { ev.preventDefault(); route(); }
      });
    } else {
      a.addEventListener("click", async (ev) => {
        ev.preventDefault();
        try {
          const hit = await api(`/api/lookup?doc=${encodeURIComponent(c.doc_title)}&article=${encodeURIComponent(c.locator)}`);
          location.hash = docHref(hit.doc_id, hit.locator || c.locator);
        } catch (err) {
          alert(`无法打开该条款：${err.message}`);
        }
      });
    }
    return a;
  }

  function paragraphs(text) {
    return String(text || "").split(/\n+/).filter((t) => t.trim()).map((t) => el("p", {}, t));
  }

  /** Paragraphs with every occurrence of the given words marked (the words that answered, in the document view). */
  function markedParagraphs(text, words) {
    const wanted = (words || []).filter((w) => w && w.trim());
    if (!wanted.length) return paragraphs(text);
    const escape = (w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const pattern = new RegExp(`(${wanted.map(escape).join("|")})`);
    return String(text || "").split(/\n+/).filter((t) => t.trim()).map((t) => el("p", {},
      t.split(pattern).map((piece, i) => (i % 2 ? el("mark", { class: "answer-words" }, piece) : piece))));
  }

  /** The words each cited provision answered with, by document and locator: the document view marks them. */
  const answerWords = new Map();
  const provisionKey = (docId, locator) => `${docId}|${String(locator || "").replace(/\s+/g, "")}`;

  /** Render any JSON value readably (used for rule outputs, consequences and generator traces). */
  function renderValue(v, depth = 0) {
    if (v === null || v === undefined || v === "") return el("span", { class: "muted" }, "—");
    if (typeof v !== "object") return document.createTextNode(typeof v === "boolean" ? (v ? "是" : "否") : String(v));
    if (Array.isArray(v)) {
      if (!v.length) return el("span", { class: "muted" }, "（无）");
      if (v.every((x) => typeof x !== "object" || x === null)) return document.createTextNode(v.join("、"));
      return el("ul", { class: "plain" }, v.map((x) => el("li", {}, renderValue(x, depth + 1))));
    }
    if (v.doc_title && v.locator && depth > 0) {
      return el("span", {}, citationLink(v), v.quote ? el("q", {}, v.quote) : null);
    }
    if (v.file && v.line_start) return document.createTextNode(sourceText(v));
    if (depth > 4) return el("code", {}, JSON.stringify(v));
    const dl = el("dl", { class: "kv" });
    for (const [k, x] of Object.entries(v)) {
      dl.append(el("dt", {}, FIELD_NAMES[k] || k), el("dd", {}, renderValue(x, depth + 1)));
    }
    return dl;
  }

  function submitOnCtrlEnter(form) {
    form.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); form.requestSubmit(); }
    });
  }

  // -- ask -------------------------------------------------------------------------------------
  /** The quote with the words that answer marked: highlights are [start, end) offsets into it. */
  function markedQuote(quote, highlights) {
    const parts = [];
    let pos = 0;
    for (const [start, end] of (highlights || []).slice().sort((a, b) => a[0] - b[0])) {
      if (start < pos || end <= start || end > quote.length) continue;
      if (start > pos) parts.push(quote.slice(pos, start));
      parts.push(el("mark", { class: "answer-words" }, quote.slice(start, end)));
      pos = end;
    }
    if (pos < quote.length) parts.push(quote.slice(pos));
    return el("blockquote", {}, parts);
  }

  async function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return;
    }
    const area = el("textarea", { class: "visually-hidden", readonly: "" }, text);
    document.body.append(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }

  /** A button that copies the formal citation (《标题》（文号）第十八条第（一）项), ready to paste into a reply. */
  function copyButton(formal) {
    const state = el("span", { class: "copy-state", role: "status" });
    const button = el("button", { type: "button", class: "copy-formal", title: formal, "data-formal": formal }, "复制引文");
    button.addEventListener("click", async () => {
      try {
        await copyText(formal);
        state.textContent = "已复制";
      } catch (err) {
        state.textContent = `复制失败，请手动选择：${formal}`;
      }
    });
    return el("span", { class: "copy" }, button, state);
  }

  /** Small print naming the corpus a response came from, so two answers can be told apart later. */
  function corpusNote(corpus) {
    if (!corpus) return null;
    const parts = [`语料版本 ${corpus.generation}`];
    if (corpus.built_at) parts.push(`构建于 ${corpus.built_at.replace("T", " ")}`);
    if (corpus.as_of) parts.push(`截至 ${corpus.as_of}`);
    return el("p", { class: "corpus-ref" }, parts.join(" · "));
  }

  /** What an edition note says beside the answer: when the older edition stopped, or the later one began. */
  function editionText(n) {
    const same = n.changed ? "" : "（所引之项文字未变）";
    if (n.edition === "older") return `${n.expired_date ? `${n.expired_date} 起` : ""}被取代${same}`;
    return `${n.cited_locator} 此后被修改${n.effective_date ? `，${n.effective_date} 起施行` : ""}${same}`;
  }

  function renderAsk(res) {
    answerWords.clear();
    for (const c of res.citations || []) {
      const words = (c.highlights || []).map(([a, b]) => c.quote.slice(a, b));
      if (c.doc_id && words.length) answerWords.set(provisionKey(c.doc_id, c.locator), words);
    }
    const box = el("div", {});
    box.append(el("div", { class: `answer ${res.found ? "found" : "not-found"}` },
      el("p", { class: "answer-state" }, res.found ? "已在政策文件中找到依据" : "未找到直接答案"),
      res.short_answer ? el("p", { class: "short-answer" }, "答：", el("strong", {}, res.short_answer)) : null,
      paragraphs(res.answer)));
    if (res.citations && res.citations.length) {
      box.append(el("h2", {}, "出处"));
      box.append(el("ol", { class: "citations" }, res.citations.map((c) => el("li", { class: "citation" },
        citationLink(c),
        c.formal ? copyButton(c.formal) : null,
        c.refers_from ? el("p", { class: "refers-from" }, `${c.refers_from}所引条文（依其规定执行，一并列出）`) : null,
        c.lead_in_of ? el("p", { class: "lead-in" }, `${c.lead_in_of}所在条款的引语`) : null,
        markedQuote(c.quote, c.highlights),
        el("p", { class: "src" }, "原文：", sourceText(c.source))))));
    }
    if (res.superseded && res.superseded.length) {
      box.append(el("h2", {}, "其他版本（仅列出，不作为引文）"));
      box.append(el("ul", { class: "editions" }, res.superseded.map((n) => el("li", {},
        el("span", { class: `badge ${n.edition === "older" ? "bad" : "warn"}` }, n.edition === "older" ? "旧版，已被取代" : "后经修改"),
        " ", citationLink(n), " ", editionText(n)))));
    }
    if (res.related && res.related.length) {
      box.append(el("h2", {}, res.found ? "相关条款" : "最接近的条款（仅供参考，不是答案）"));
      box.append(el("ul", { class: "related" }, res.related.map((h) => el("li", {},
        citationLink(h), h.status ? statusBadge(h.status) : null,
        el("p", { class: "snippet" }, (h.text || h.quote || "").slice(0, 160)),
        h.source ? el("p", { class: "src" }, "原文：", sourceText(h.source)) : null))));
    }
    const note = corpusNote(res.corpus);
    if (note) box.append(note);
    return box;
  }

  function setupAsk() {
    const form = $("#ask-form");
    const out = $("#ask-result");
    submitOnCtrlEnter(form);
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const question = $("#ask-q").value.trim();
      if (!question) { $("#ask-q").focus(); return; }
      busy(out, "正在查找答案…");
      try {
        out.replaceChildren(renderAsk(await api("/api/ask", { json: { question } })));
      } catch (err) { showError(out, err); }
    });
  }

  // -- govern ----------------------------------------------------------------------------------
  function renderGovern(res, titles) {
    const box = el("div", {});
    const regs = res.regulations || [];
    if (!regs.length) box.append(el("div", { class: "answer not-found" }, el("p", {}, "未找到适用于该情况的现行规定。")));
    box.append(el("ol", { class: "regulations" }, regs.map((r, i) => el("li", { class: "regulation" },
      el("h2", {},
        el("span", { class: "rank" }, `${i + 1}`),
        r.doc_id ? el("a", { href: docHref(r.doc_id) }, `《${r.doc_title}》`) : `《${r.doc_title}》`,
        " ", r.doc_number || "", " ", statusBadge(r.status)),
      r.why ? el("div", { class: "why" }, el("strong", {}, "理由："), renderValue(r.why, 1)) : null,
      el("ul", { class: "articles" }, (r.articles || []).map((a) => el("li", {},
        citationLink({ ...a, doc_id: a.doc_id || r.doc_id, doc_title: r.doc_title, doc_number: r.doc_number }),
        el("p", {}, a.text),
        el("p", { class: "src" }, "原文：", sourceText(a.source)))))))));
    const cons = res.consequences || [];
    if (cons.length) {
      box.append(el("h2", {}, "按规则计算的结果"));
      box.append(el("ul", { class: "consequences" }, cons.map((c) => el("li", {}, renderConsequence(c, titles)))));
    }
    const note = corpusNote(res.corpus);
    if (note) box.append(note);
    return box;
  }

  function citationLinks(citations) {
    const list = (citations || []).filter((c) => c && c.doc_title && c.locator);
    if (!list.length) return el("span", { class: "muted" }, "—");
    return el("ul", { class: "plain cites" }, list.map((c) => el("li", {}, citationLink(c))));
  }

  function renderConsequence(c, titles) {
    return el("div", { class: "consequence" },
      el("h3", {}, (titles && titles[c.rule]) || c.rule),
      c.explanation ? el("p", { class: "explanation" }, c.explanation) : null,
      el("details", {}, el("summary", {}, "计算明细"),
        el("h4", {}, "输入"), renderValue(c.inputs, 1),
        el("h4", {}, "结果"), renderValue(c.outputs, 1)),
      el("div", { class: "basis" }, el("strong", {}, "依据："), citationLinks(c.citations)));
  }

  let ruleTitleCache = null;
  async function ruleTitles() {
    if (!ruleTitleCache) {
      try {
        ruleTitleCache = Object.fromEntries((await api("/api/rules")).map((r) => [r.id, r.title]));
      } catch { ruleTitleCache = {}; }
    }
    return ruleTitleCache;
  }

  function setupGovern() {
    const form = $("#govern-form");
    const out = $("#govern-result");
    submitOnCtrlEnter(form);
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const text = $("#govern-case").value.trim();
      if (!text) { $("#govern-case").focus(); return; }
      busy(out, "正在查找适用规定…");
      try {
        const [res, titles] = await Promise.all([api("/api/govern", { json: { case: text } }), ruleTitles()]);
        out.replaceChildren(renderGovern(res, titles));
      } catch (err) { showError(out, err); }
    });
  }

  // -- documents -------------------------------------------------------------------------------
  let catalogue = null;

  function docItem(d, depth) {
    return el("li", { class: `doc-item depth-${Math.min(depth, 3)}`, "data-id": d.id },
      el("a", { href: docHref(d.id), "data-doc": d.id },
        el("span", { class: "doc-title" }, d.title),
        el("span", { class: "doc-meta" },
          el("span", { class: "badge kind" }, KINDS[d.kind] || d.kind),
          statusBadge(d.status),
          d.doc_number ? el("span", {}, d.doc_number) : null,
          d.date ? el("span", {}, d.date) : null)));
  }

  function renderCatalogue(filter) {
    const list = $("#doc-list");
    const q = (filter || "").trim();
    const docs = catalogue || [];
    const byParent = new Map();
    for (const d of docs) {
      const key = d.parent_id && docs.some((p) => p.id === d.parent_id) ? d.parent_id : null;
      if (!byParent.has(key)) byParent.set(key, []);
      byParent.get(key).push(d);
    }
    const items = [];
    const walk = (parent, depth) => {
      for (const d of byParent.get(parent) || []) {
        const match = !q || d.title.includes(q) || (d.doc_number || "").includes(q) || (d.issuer || "").includes(q);
        if (match) items.push(docItem(d, q ? 0 : depth));
        walk(d.id, depth + 1);
      }
    };
    walk(null, 0);
    list.replaceChildren(...items);
    $("#doc-count").textContent = q ? `找到 ${items.length} 份文件` : `共 ${docs.length} 份文件`;
    markCurrentDoc();
  }

  async function loadCatalogue() {
    if (catalogue) return catalogue;
    try {
      catalogue = await api("/api/documents");
      renderCatalogue($("#doc-filter").value);
    } catch (err) { showError($("#doc-list"), err); }
    return catalogue;
  }

  let currentDocId = null;

  function markCurrentDoc() {
    const list = $("#doc-list");
    for (const a of list.querySelectorAll("a")) {
      if (a.dataset.doc === currentDocId) {
        a.setAttribute("aria-current", "true");
        const top = a.offsetTop - list.offsetTop;  // keep it in view inside the list, without moving the page
        if (top < list.scrollTop || top > list.scrollTop + list.clientHeight - a.offsetHeight) {
          list.scrollTop = Math.max(0, top - list.clientHeight / 3);
        }
      } else a.removeAttribute("aria-current");
    }
  }

  function findSegment(segments, locator) {
    if (!locator) return null;
    const norm = (s) => String(s || "").replace(/\s+/g, "");
    const want = norm(locator);
    return segments.find((s) => norm(s.locator) === want)
      || segments.find((s) => norm(s.full_locator) === want)
      || segments.find((s) => want.endsWith(norm(s.locator)) && norm(s.locator))
      || segments.find((s) => norm(s.locator).startsWith(want))
      || segments.find((s) => norm(s.locator) === want.replace(/第[^条]+款$/, ""));  // 第二十五条第二款: its article
  }

  /** The ids of a segment and all its descendants (an article is shown with its items). */
  function subtree(segments, root) {
    const ids = new Set();
    if (!root) return ids;
    ids.add(root.id);
    for (const s of segments) {  // segments come in reading order: children follow their parent
      if (s.parent_id && ids.has(s.parent_id)) ids.add(s.id);
    }
    return ids;
  }

  function renderDocument(doc, locator) {
    const view = $("#doc-view");
    const head = el("header", { class: "doc-head" },
      el("h2", { id: "doc-title", tabindex: "-1" }, doc.title),
      el("p", { class: "doc-meta" },
        el("span", { class: "badge kind" }, KINDS[doc.kind] || doc.kind), statusBadge(doc.status),
        doc.provisional ? el("span", { class: "badge warn" }, "试行/暂行") : null,
        doc.doc_number ? el("span", {}, doc.doc_number) : null,
        doc.issuer ? el("span", {}, doc.issuer) : null,
        doc.date ? el("span", {}, doc.date) : null,
        doc.effective_date ? el("span", {}, `施行 ${doc.effective_date}`) : null,
        doc.expired_date ? el("span", {}, `失效 ${doc.expired_date}`) : null),
      el("p", { class: "src" }, "原文：", sourceText(doc.source)));
    const rels = (doc.relations || []).filter((r) => r.target_title);
    if (rels.length) {
      head.append(el("ul", { class: "relations" }, rels.map((r) => el("li", {},
        r.kind === "refers_to" ? `${r.locator} ` : null,
        `${RELATIONS[r.kind] || r.kind}：`,
        r.kind === "refers_to"
          ? el("a", { href: docHref(r.target_id || doc.id, (r.note || "").replace(/（.*$/, "").replace(/第[^条]+款$/, "")) },
            r.target_id === doc.id ? `本文件${r.note}` : `《${r.target_title}》${r.note}`)
          : r.target_id && r.target_id !== doc.id ? el("a", { href: docHref(r.target_id) }, `《${r.target_title}》`) : `《${r.target_title}》`,
        r.locator && r.kind !== "refers_to" ? `（${r.locator}）` : "",
        editionLink(doc, r)))));
    }
    if (doc.parent_id) {
      const parent = (catalogue || []).find((d) => d.id === doc.parent_id);
      head.append(el("p", { class: "muted" }, "印发文件：", el("a", { href: docHref(doc.parent_id) }, parent ? parent.title : "上级文件")));
    }
    const segments = doc.segments || [];
    const target = findSegment(segments, locator);
    const inTarget = subtree(segments, target);
    const body = el("div", { class: "segments" }, segments.map((s) => el("article", {
      class: `segment level-${Math.min(s.level ?? 0, 4)}${target && s.id === target.id ? " hit" : ""}`
        + `${inTarget.has(s.id) && s.id !== target.id ? " hit-part" : ""}`,
      id: `seg-${s.id}`, tabindex: "-1", "data-locator": s.locator,
      "aria-label": s.full_locator || s.locator,
    },
    el("h3", { class: "locator" }, s.full_locator || s.locator),
    inTarget.has(s.id) ? markedParagraphs(s.text, answerWords.get(provisionKey(doc.id, s.locator))) : paragraphs(s.text),
    el("p", { class: "src" }, sourceText(s.source)))));
    if (!segments.length) body.append(el("p", { class: "muted" }, "该文件没有可单独引用的条款。"));
    view.replaceChildren(head, body);
    if (locator && !target) head.append(el("p", { class: "alert warn" }, `未在本文件中找到条款“${locator}”。`));
    if (target) {
      const node = document.getElementById(`seg-${target.id}`);
      node.scrollIntoView({ block: "center" });
      node.focus({ preventScroll: true });
    } else {
      view.scrollIntoView({ block: "start" });
      $("#doc-title").focus({ preventScroll: true });
    }
  }

  /** A button comparing this document with another edition of it (issue 11: GET /api/diff). */
  function editionLink(doc, rel) {
    if (!rel.target_id || !["supersedes", "superseded_by"].includes(rel.kind)) return null;
    const [oldId, newId] = rel.kind === "supersedes" ? [rel.target_id, doc.id] : [doc.id, rel.target_id];
    const button = el("button", { type: "button", class: "link" }, " 逐条比较两个版本");
    button.addEventListener("click", () => openDiff(oldId, newId));
    return button;
  }

  async function openDiff(oldId, newId) {
    const view = $("#doc-view");
    busy(view, "正在比较两个版本…");
    try {
      const diff = await api(`/api/diff?old=${encodeURIComponent(oldId)}&new=${encodeURIComponent(newId)}`);
      const head = el("header", { class: "doc-head" },
        el("h2", { id: "doc-title", tabindex: "-1" }, `《${diff.new.title}》版本比较`),
        el("p", { class: "doc-meta" },
          "旧：", el("a", { href: docHref(diff.old.id) }, `${diff.old.doc_number || ""} ${diff.old.date || ""}`),
          " 新：", el("a", { href: docHref(diff.new.id) }, `${diff.new.doc_number || ""} ${diff.new.date || ""}`)));
      const rows = diff.changes.map((c) => el("article", { class: "segment" },
        el("h3", { class: "locator" }, `${CHANGES[c.change] || c.change} `,
          [c.old_locator, c.new_locator].filter(Boolean).join(" → ")),
        c.spans.length
          ? el("ul", {}, c.spans.map((sp) => el("li", {}, el("del", {}, sp.old || "（无）"), " → ", el("ins", {}, sp.new || "（无）"))))
          : paragraphs(c.new_text || c.old_text || "")));
      if (!rows.length) rows.push(el("p", { class: "muted" }, "两个版本的条文相同。"));
      view.replaceChildren(head, el("div", { class: "segments" }, rows));
      $("#doc-title").focus({ preventScroll: true });
    } catch (err) { showError(view, err); }
  }

  async function openDocument(docId, locator) {
    const view = $("#doc-view");
    currentDocId = docId;
    markCurrentDoc();
    busy(view, "正在打开文件…");
    try {
      renderDocument(await api(`/api/documents/${encodeURIComponent(docId)}`), locator);
    } catch (err) { showError(view, err); }
  }

  function setupDocs() {
    $("#doc-filter").addEventListener("input", (ev) => renderCatalogue(ev.target.value));
  }

  // -- generators ------------------------------------------------------------------------------
  const gen = { kind: null, pending: null, schema: null, value: null };

  function syncJson() {
    $("#gen-json-text").value = JSON.stringify(gen.value, null, 2);
  }

  /** The schema and a prefill: the payload's/schema's first example, else the first union variant's. */
  function exampleFrom(payload) {
    const schema = payload.schema && (payload.schema.properties || payload.schema.$ref) ? payload.schema : payload;
    const first = (s) => (s && ((s.examples && s.examples[0]) || s.example)) || null;
    let example = payload.example || first(schema);
    const alts = schema.oneOf || schema.anyOf;
    if (!example && Array.isArray(alts) && alts.length) {
      const ref = alts[0].$ref ? alts[0].$ref.split("/").pop() : null;
      example = first(ref && schema.$defs ? schema.$defs[ref] : alts[0]);
    }
    return { schema, example: example ? structuredClone(example) : null };
  }

  async function openGenerator(kind) {
    for (const a of document.querySelectorAll(".kind-option")) {
      if (a.dataset.kind === kind) a.setAttribute("aria-current", "true");
      else a.removeAttribute("aria-current");
    }
    if (gen.kind === kind || gen.pending === kind) return;
    gen.pending = kind;  // a route and a click may both open a form: only the last request renders
    const fields = $("#gen-fields");
    busy(fields, "正在读取表单…");
    $("#gen-result").replaceChildren();
    $("#gen-download").replaceChildren();
    try {
      const { schema, example } = exampleFrom(await api(`/api/generate/${kind}/schema`));
      if (gen.pending !== kind) return;
      gen.pending = null;
      gen.kind = kind;
      gen.schema = schema;
      gen.value = SchemaForm.render(fields, schema, example, (v) => { gen.value = v; syncJson(); });
      fields.prepend(el("h2", {}, `${{ notice: "通知", plan: "方案", pledge: "承诺书", "training-plan": "培训项目实施方案" }[kind]}内容`));
      syncJson();
    } catch (err) {
      if (gen.pending !== kind) return;
      gen.pending = null;
      gen.kind = null;
      showError(fields, err);
    }
  }

  function filenameFrom(res, fallback) {
    const cd = res.headers.get("Content-Disposition") || "";
    const star = cd.match(/filename\*=UTF-8''([^;]+)/i);
    if (star) return decodeURIComponent(star[1]);
    const plain = cd.match(/filename="([^"]+)"/i);
    return plain ? plain[1] : fallback;
  }

  function renderTrace(res) {
    const box = el("div", { class: "card" },
      el("h2", {}, "预览"),
      el("p", {}, "文件名：", el("strong", {}, res.filename), `（约 ${Math.max(1, Math.round(res.size / 1024))} KB）`));
    if (Array.isArray(res.changes) && res.changes.length) box.append(changesView(res.changes));
    box.append(el("h3", {}, "规则结果与依据"), traceView(res.trace));
    return box;
  }

  /** A 方案's departures from its base template, each with the base article it departs from. */
  function changesView(changes) {
    return el("div", { class: "changes" },
      el("h3", {}, `相对模板的改动（${changes.length} 处）`),
      table(["改动", "原方案条目"], changes.map((c) => [c.line, citationLink(c)]), [1]));
  }

  function table(headers, rows, nowrap = []) {
    return el("div", { class: "table-wrap" }, el("table", { class: "trace" },
      el("thead", {}, el("tr", {}, headers.map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, rows.map((cells) => el("tr", {},
        cells.map((c, i) => el("td", { class: nowrap.includes(i) ? "nowrap" : null }, c)))))));
  }

  /** A generator's trace: requirement → article (方案), nominee → eligibility (承诺书), else generic. */
  function traceView(trace) {
    if (!Array.isArray(trace) || !trace.length) {
      return trace && !Array.isArray(trace) ? renderValue(trace, 1) : el("p", { class: "muted" }, "该文书不涉及规则计算。");
    }
    const box = el("div", {});
    const nominees = trace.filter((t) => t && t.nominee !== undefined);
    const limits = trace.filter((t) => t && t.detail !== undefined && t.locator);
    const articles = trace.filter((t) => t && t.nominee === undefined && t.requirement && t.locator && !limits.includes(t));
    const rest = trace.filter((t) => !nominees.includes(t) && !articles.includes(t) && !limits.includes(t));
    if (limits.length) {  // 培训项目实施方案: every limit of the 办法 the budget keeps, with its article
      box.append(table(["限额", "本方案", "结论", "依据"], limits.map((t) => [
        t.requirement, t.detail,
        el("span", { class: `badge ${t.ok ? "ok" : "bad"}` }, t.ok ? "符合" : "须说明"), citationLink(t)]), [0, 2]));
    }
    if (nominees.length) {  // 承诺书: every nominee with the eligibility rule's verdict
      box.append(table(["申报人", "结论", "说明", "依据"], nominees.map((t) => [
        t.nominee,
        el("span", { class: `badge ${t.eligible ? "ok" : "bad"}` }, t.eligible ? (t.route || "可以推荐") : "不予推荐"),
        t.explanation || "", citationLinks(t.citations)]), [0, 1]));
    }
    if (articles.length) {  // 方案: every requirement with the article it rests on
      box.append(table(["条目", "要求", "时限", "依据"], articles.map((t) => [
        t.section || "—", t.requirement, t.date || "—", citationLink(t)]), [0, 2]));
    }
    for (const t of rest) {  // other rule results (e.g. the yearly cap): title, explanation, basis
      box.append(t && t.explanation
        ? el("div", { class: "consequence card" }, el("h4", {}, t.requirement || t.rule || "规则结果"),
          el("p", { class: "explanation" }, t.explanation),
          el("div", { class: "basis" }, el("strong", {}, "依据："), citationLinks(t.citations)))
        : renderValue(t, 1));
    }
    return box;
  }

  function setupGenerate() {
    const form = $("#gen-form");
    const out = $("#gen-result");
    const dl = $("#gen-download");
    $("#gen-json").addEventListener("toggle", syncJson);
    $("#gen-json-apply").addEventListener("click", () => {
      try {
        const value = JSON.parse($("#gen-json-text").value);
        gen.value = SchemaForm.render($("#gen-fields"), gen.schema, value, (v) => { gen.value = v; syncJson(); });
        out.replaceChildren(el("p", { class: "alert ok" }, "已应用到表单。"));
      } catch (err) { showError(out, new Error(`JSON 格式有误：${err.message}`)); }
    });
    $("#gen-preview").addEventListener("click", async () => {
      if (!gen.kind) return;
      busy(out, "正在生成预览…");
      try {
        out.replaceChildren(renderTrace(await api(`/api/generate/${gen.kind}/preview`, { json: gen.value })));
      } catch (err) { showError(out, err); }
    });
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      if (!gen.kind) return;
      busy(dl, "正在生成 .docx…");
      try {
        if (gen.kind === "plan") {  // the change list against the base is shown before the download
          const preview = await api(`/api/generate/${gen.kind}/preview`, { json: gen.value });
          out.replaceChildren(preview.changes && preview.changes.length
            ? changesView(preview.changes) : el("p", { class: "muted" }, "与模板相比没有改动。"));
        }
        const res = await api(`/api/generate/${gen.kind}`, {
          json: gen.value, raw: true,
          headers: { Accept: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        });
        const name = filenameFrom(res, `${gen.kind}.docx`);
        const blob = await res.blob();
        const url = URL.createObjectURL(blob);
        const link = el("a", { href: url, download: name, class: "download" }, `下载 ${name}`);
        dl.replaceChildren(el("div", { class: "alert ok", role: "status" },
          el("p", {}, `已生成 ${name}（约 ${Math.max(1, Math.round(blob.size / 1024))} KB）。如未自动下载，请点击：`), link));
        link.click();
      } catch (err) { showError(dl, err); }
    });
  }

  // -- navigation ------------------------------------------------------------------------------
  const PANELS = ["ask", "govern", "docs", "generate"];

  function route() {
    const parts = location.hash.replace(/^#/, "").split("/").map((p) => { try { return decodeURIComponent(p); } catch { return p; } });
    const tab = PANELS.includes(parts[0]) ? parts[0] : "ask";
    for (const name of PANELS) $(`#panel-${name}`).hidden = name !== tab;
    for (const a of document.querySelectorAll(".tabs a")) {
      if (a.dataset.tab === tab) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    }
    if (tab === "docs") {
      loadCatalogue();
      if (parts[1]) openDocument(parts[1], parts.slice(2).join("/") || null);
    } else if (tab === "generate") {
      openGenerator(["notice", "plan", "pledge", "training-plan"].includes(parts[1]) ? parts[1] : gen.kind || "plan");
    }
  }

  async function showHealth() {
    try {
      const h = await api("/health");
      const bits = [];
      if (h.documents !== undefined) bits.push(`${h.documents} 份文件`);
      if (h.segments !== undefined) bits.push(`${h.segments} 个条款`);
      if (h.dense === false) bits.push("仅关键词检索");
      $("#health").textContent = bits.length ? `已收录 ${bits.join(" · ")}` : "服务正常";
    } catch {
      $("#health").textContent = "服务暂不可用";
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    setupAsk();
    setupGovern();
    setupDocs();
    setupGenerate();
    window.addEventListener("hashchange", route);
    route();
    showHealth();
  });
})();
