/* A small JSON Schema → HTML form renderer for the generator inputs (no dependencies).
 *
 * SchemaForm.render(container, rootSchema, value, onChange) draws labelled fields for the
 * schema and keeps `value` (a plain object) up to date; onChange(value) runs after each edit.
 * Handles: $ref/$defs, anyOf/oneOf with null (optional), unions of objects (a chooser, by the
 * discriminator when there is one), enum, const, string (date/long text), integer, number, boolean,
 * objects, arrays of objects (add/remove items), arrays of enums (check boxes) and arrays of strings
 * (one per line). Anything else falls back to a JSON text area for that field.
 * Labels: the schema's title, or, when the title is pydantic's English default, the Chinese
 * description's first phrase (the whole description stays as the hint).
 */
(function () {
  "use strict";

  let uid = 0;
  const LONG_TEXT_KEYS = /body|content|text|remark|note|正文|内容|说明/i;

  // The page's one DOM builder; app.js uses it too (loaded after this file).
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") node.className = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function deref(schema, root) {
    let s = schema || {};
    for (let guard = 0; s.$ref && guard < 20; guard++) {
      const parts = s.$ref.replace(/^#\//, "").split("/");
      let target = root;
      for (const p of parts) target = target ? target[p.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
      const { $ref, ...rest } = s;
      s = { ...(target || {}), ...rest };
    }
    if (Array.isArray(s.allOf) && s.allOf.length === 1) {
      const { allOf, ...rest } = s;
      s = { ...deref(allOf[0], root), ...rest };
    }
    return s;
  }

  /** Strip a `null` alternative: returns [schema, nullable]. */
  function unwrap(schema, root) {
    let s = deref(schema, root);
    const alts = s.anyOf || s.oneOf;
    if (Array.isArray(alts)) {
      const real = alts.filter((a) => deref(a, root).type !== "null");
      if (real.length === 1) {
        const { anyOf, oneOf, ...outer } = s;
        return [{ ...deref(real[0], root), ...outer }, real.length < alts.length];
      }
    }
    if (Array.isArray(s.type)) {
      const types = s.type.filter((t) => t !== "null");
      if (types.length === 1) return [{ ...s, type: types[0] }, types.length < s.type.length];
    }
    return [s, false];
  }

  /** Object variants of a union (oneOf/anyOf of several objects), or null. */
  function variantsOf(s, root) {
    const alts = s.oneOf || s.anyOf;
    if (!Array.isArray(alts)) return null;
    const real = alts.map((a) => deref(a, root)).filter((a) => a.type !== "null");
    return real.length > 1 && real.every((a) => a.type === "object" || a.properties) ? real : null;
  }

  function variantTag(variant, s, i) {
    const prop = s.discriminator && s.discriminator.propertyName;
    const p = prop && variant.properties && variant.properties[prop];
    if (p && p.const !== undefined) return { prop, value: p.const, label: String(p.const) };
    return { prop: null, value: i, label: variant.title || `类型 ${i + 1}` };
  }

  function kindOf(s) {
    if (Array.isArray(s.enum)) return "enum";
    if (s.const !== undefined) return "const";
    if (s.type === "object" && !s.properties && s.additionalProperties) return "json";  // a free map (方案 overrides)
    if (s.type === "object" || (s.properties && !s.type)) return "object";
    if (s.type === "array") return "array";
    if (["string", "integer", "number", "boolean"].includes(s.type)) return s.type;
    return "json";
  }

  function defaultFor(schema, root) {
    const [s] = unwrap(schema, root);
    if (s.default !== undefined) return structuredClone(s.default);
    const variants = variantsOf(s, root);
    if (variants) return defaultFor(variants[0], root);
    switch (kindOf(s)) {
      case "object": {
        const out = {};
        for (const [k, sub] of Object.entries(s.properties || {})) {
          if ((s.required || []).includes(k)) out[k] = defaultFor(sub, root);
        }
        return out;
      }
      case "array": return [];
      case "boolean": return false;
      case "enum": return s.enum[0];
      case "const": return s.const;
      case "integer": case "number": return null;
      case "string": return "";
      default: return null;
    }
  }

  const CJK = /[\u3400-\u9fff]/;

  function labelText(key, s) {
    if (s.title && CJK.test(s.title)) return s.title;
    if (s.description && CJK.test(s.description)) {
      const head = s.description.split(/[；;：:，,（(。]/)[0].trim();
      if (head) return head;
    }
    return s.title || String(key);
  }

  function describe(s, id) {
    const bits = [];
    if (s.description && s.description !== labelText("", s)) bits.push(s.description);
    if (s.examples && s.examples.length && typeof s.examples[0] !== "object") bits.push(`例：${s.examples[0]}`);
    return bits.length ? el("p", { class: "field-hint", id }, bits.join("；")) : null;
  }

  function Renderer(root, model, onChange) {
    this.root = root;
    this.model = model;
    this.onChange = onChange;
  }

  Renderer.prototype.changed = function () {
    this.onChange(this.model.value);
  };

  /** Render a field for `schema` whose value lives at holder[key]. */
  Renderer.prototype.field = function (key, schema, holder, required) {
    const [s, nullable] = unwrap(schema, this.root);
    const kind = kindOf(s);
    const id = `sf-${++uid}`;
    const hintId = `${id}-hint`;
    const hint = describe(s, hintId);
    const label = labelText(key, s);
    const star = required && !nullable ? el("span", { class: "req", "aria-hidden": "true" }, " *") : null;
    const set = (v) => { holder[key] = v; this.changed(); };
    if (holder[key] === undefined && s.default !== undefined && s.default !== null) {
      holder[key] = structuredClone(s.default);  // show (and send) the generator's default
    }
    const value = holder[key];

    if (kind === "object" || variantsOf(s, this.root)) {
      if (value === null || typeof value !== "object" || Array.isArray(value)) holder[key] = defaultFor(s, this.root);
      const grid = el("div", { class: "sf-grid" });
      this.body(grid, s, holder, key);
      return el("fieldset", { class: "sf-object" }, el("legend", {}, label, star), hint, grid);
    }
    if (kind === "array") return this.array(key, s, holder, label, star, hint);

    let input;
    const common = { id, name: key, "aria-describedby": hint ? hintId : null, required: required && !nullable };
    if (kind === "enum") {
      input = el("select", { ...common, onchange: (e) => set(s.enum[Number(e.target.value)]) },
        s.enum.map((opt, i) => el("option", { value: String(i), selected: opt === value }, opt === null ? "（无）" : String(opt))));
    } else if (kind === "const") {
      holder[key] = s.const;  // fixed by the schema (e.g. a union's discriminator): nothing to edit
      return null;
    } else if (kind === "boolean") {
      input = el("input", { ...common, type: "checkbox", checked: Boolean(value), onchange: (e) => set(e.target.checked) });
      return el("div", { class: "sf-field sf-bool" },
        el("span", { class: "sf-check" }, input, el("label", { for: id }, label, star)), hint);
    } else if (kind === "integer" || kind === "number") {
      input = el("input", {
        ...common, type: "number", inputmode: "numeric", value: value ?? "",
        step: kind === "integer" ? "1" : "any", min: s.minimum ?? s.exclusiveMinimum, max: s.maximum ?? s.exclusiveMaximum,
        oninput: (e) => {
          const raw = e.target.value.trim();
          set(raw === "" ? (nullable ? null : undefined) : Number(raw));
        },
      });
    } else if (kind === "string") {
      const long = (s.maxLength || 0) > 200 || LONG_TEXT_KEYS.test(key) || s.format === "textarea";
      const onInput = (e) => set(e.target.value === "" && nullable ? null : e.target.value);
      if (s.format === "date") {
        input = el("input", { ...common, type: "date", value: value ?? "", oninput: onInput });
      } else if (long) {
        input = el("textarea", { ...common, rows: 4, oninput: onInput });
        input.value = value ?? "";
      } else {
        input = el("input", { ...common, type: "text", value: value ?? "", maxlength: s.maxLength, oninput: onInput });
      }
    } else {
      input = el("textarea", { ...common, rows: 3, class: "mono", spellcheck: "false" });
      input.value = value === undefined ? "" : JSON.stringify(value, null, 2);
      input.addEventListener("change", (e) => {
        try { set(e.target.value.trim() ? JSON.parse(e.target.value) : null); e.target.setCustomValidity(""); }
        catch { e.target.setCustomValidity("不是合法的 JSON"); e.target.reportValidity(); }
      });
    }
    return el("div", { class: "sf-field" }, el("label", { for: id }, label, star), input, hint);
  };

  /** The fields of the object at holder[key]; for a union, a chooser and the chosen variant's fields. */
  Renderer.prototype.body = function (container, s, holder, key) {
    const variants = variantsOf(s, this.root);
    if (!variants) {
      this.properties(container, s, holder[key]);
      return;
    }
    const tags = variants.map((v, i) => variantTag(v, s, i));
    const obj = holder[key];
    let chosen = tags.findIndex((t) => t.prop && obj[t.prop] === t.value);
    if (chosen < 0) chosen = 0;
    if (tags[chosen].prop) obj[tags[chosen].prop] = tags[chosen].value;
    const id = `sf-${++uid}`;
    const fields = el("div", { class: "sf-grid sf-variant" });
    const select = el("select", {
      id,
      onchange: (e) => {
        const next = Number(e.target.value);
        const fresh = defaultFor(variants[next], this.root);
        for (const k of Object.keys(variants[next].properties || {})) {  // keep what applies to both
          if (obj[k] !== undefined && k !== tags[next].prop) fresh[k] = obj[k];
        }
        if (tags[next].prop) fresh[tags[next].prop] = tags[next].value;
        for (const k of Object.keys(obj)) delete obj[k];
        Object.assign(obj, fresh);
        fields.replaceChildren();
        this.properties(fields, variants[next], obj);
        this.changed();
      },
    }, tags.map((t, i) => el("option", { value: String(i), selected: i === chosen }, t.label)));
    const prop = tags[0].prop;
    const title = prop ? labelText(prop, variants[0].properties[prop]) : "类型";
    container.append(el("div", { class: "sf-field sf-union" }, el("label", { for: id }, title), select), fields);
    this.properties(fields, variants[chosen], obj);
  };

  Renderer.prototype.properties = function (container, s, obj) {
    const required = s.required || [];
    for (const [k, sub] of Object.entries(s.properties || {})) {
      const node = this.field(k, sub, obj, required.includes(k));
      if (node) container.append(node);
    }
  };

  Renderer.prototype.array = function (key, s, holder, label, star, hint) {
    const items = Array.isArray(holder[key]) ? holder[key] : [];
    const [itemSchema] = unwrap(s.items || {}, this.root);
    const itemKind = kindOf(itemSchema);

    if (itemKind === "enum") {
      const boxes = itemSchema.enum.map((opt) => {
        const id = `sf-${++uid}`;
        const box = el("input", {
          id, type: "checkbox", checked: items.includes(opt),
          onchange: (e) => {
            const now = (holder[key] || []).filter((x) => x !== opt);
            if (e.target.checked) now.push(opt);
            holder[key] = itemSchema.enum.filter((x) => now.includes(x));  // schema order
            this.changed();
          },
        });
        return el("span", { class: "sf-check" }, box, el("label", { for: id }, String(opt)));
      });
      return el("fieldset", { class: "sf-choices" }, el("legend", {}, label, star), hint, boxes);
    }

    if (itemKind === "string" || itemKind === "integer" || itemKind === "number") {
      const id = `sf-${++uid}`;
      const area = el("textarea", { id, name: key, rows: Math.min(8, Math.max(2, items.length + 1)) });
      area.value = items.join("\n");
      area.addEventListener("input", () => {
        const lines = area.value.split("\n").map((x) => x.trim()).filter(Boolean);
        holder[key] = itemKind === "string" ? lines : lines.map(Number);
        this.changed();
      });
      return el("div", { class: "sf-field" }, el("label", { for: id }, label, star, el("span", { class: "muted" }, "（每行一项）")), area, hint);
    }

    const fs = el("fieldset", { class: "sf-array" }, el("legend", {}, label, star, el("span", { class: "muted" }, `（${items.length} 项）`)), hint);
    const list = el("ol", { class: "sf-items" });
    const redraw = () => {
      const fresh = this.array(key, s, holder, label, star, hint);
      fs.replaceWith(fresh);
      return fresh;
    };
    items.forEach((item, i) => {
      const li = el("li", { class: "sf-item" });
      const itemLabel = `第 ${i + 1} 项`;
      li.append(this.field(i, itemSchema, items, true));
      const legend = li.querySelector("legend");
      if (legend) legend.textContent = itemLabel;
      li.append(el("button", {
        type: "button", class: "link danger", "aria-label": `删除${itemLabel}`,
        onclick: () => {
          items.splice(i, 1);
          holder[key] = items;
          this.changed();
          redraw().querySelector("button")?.focus();
        },
      }, "删除"));
      list.append(li);
    });
    fs.append(list, el("button", {
      type: "button", class: "secondary",
      onclick: () => {
        items.push(defaultFor(itemSchema, this.root));
        holder[key] = items;
        this.changed();
        const f = redraw();
        const last = f.querySelectorAll(".sf-item");
        last[last.length - 1]?.querySelector("input, select, textarea")?.focus();
      },
    }, `添加一项${label ? "：" + label : ""}`));
    return fs;
  };

  function render(container, rootSchema, value, onChange) {
    const model = { value: value && typeof value === "object" ? value : defaultFor(rootSchema, rootSchema) };
    const r = new Renderer(rootSchema, model, onChange || (() => {}));
    const [s] = unwrap(rootSchema, rootSchema);
    container.replaceChildren();
    r.body(container, s, model, "value");
    return model.value;
  }

  window.SchemaForm = { render, defaultFor, deref: (s) => deref(s, s), el };
})();
