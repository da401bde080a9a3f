// The template editor: CodeMirror 6 with Liquid highlighting over each template field, a live preview
// (sample data or a chosen appointment), errors at their line and column, and SMS length and segments.
// Without JavaScript the form still saves: the textareas are the fields.
import { EditorView, basicSetup } from "codemirror";
import { liquid } from "@codemirror/lang-liquid";

const form = document.querySelector("form[data-template-editor]");
if (form) {
  const views = new Map();
  const previewUrl = form.dataset.previewUrl;
  let timer = 0;

  for (const area of form.querySelectorAll("textarea[data-liquid]")) {
    const host = document.createElement("div");
    host.className = "template-code border rounded";
    host.dataset.field = area.name;
    area.classList.add("visually-hidden");
    area.setAttribute("tabindex", "-1");
    area.after(host);
    // The editor lives in a shadow root: its styles are constructed style sheets there, which the strict
    // Content-Security-Policy allows, where the <style> elements CodeMirror would add to the page are refused.
    const shadow = host.attachShadow({ mode: "open" });
    const mount = document.createElement("div");
    shadow.append(mount);
    const view = new EditorView({
      doc: area.value,
      parent: mount,
      root: shadow,
      extensions: [
        basicSetup,
        liquid(),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ "aria-label": area.dataset.label || area.name }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) {
            area.value = update.state.doc.toString();
            schedule();
          }
        }),
      ],
    });
    views.set(area.name, view);
  }

  const sample = form.querySelector("[data-preview-source]");
  if (sample) sample.addEventListener("change", schedule);
  form.addEventListener("input", (e) => { if (e.target.matches("input, select")) schedule(); });

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(preview, 300);
  }

  async function preview() {
    const body = new FormData(form);
    let result;
    try {
      const response = await fetch(previewUrl, { method: "POST", body, headers: { Accept: "application/json" } });
      if (!response.ok) return;
      result = await response.json();
    } catch {
      return;
    }
    show("subject", result.subject);
    show("text", result.text);
    show("sms", result.sms);
    const frame = document.querySelector("[data-preview=html]");
    if (frame) frame.srcdoc = result.html || "";
    const sms = document.querySelector("[data-preview=sms-count]");
    if (sms) sms.textContent = result.smsLength ? `${result.smsLength} characters · ${result.smsSegments} segment${result.smsSegments === 1 ? "" : "s"} (${result.smsEncoding})` : "";
    const errors = document.querySelector("[data-preview=errors]");
    if (errors) {
      errors.replaceChildren(...(result.errors || []).map((e) => {
        const li = document.createElement("li");
        li.textContent = e.message;
        return li;
      }));
      errors.closest("[data-preview-errors]")?.classList.toggle("d-none", !(result.errors || []).length);
    }
    for (const [name, liquidText] of Object.entries(result.translated || {})) {
      const box = document.querySelector(`[data-translated="${name}"]`);
      if (box) {
        box.textContent = liquidText;
        box.closest("[data-translated-box]")?.classList.toggle("d-none", !liquidText);
      }
    }
  }

  function show(name, value) {
    const target = document.querySelector(`[data-preview="${name}"]`);
    if (!target) return;
    target.textContent = value ?? "";
    // Keep the text's line breaks and wrap long links (a CSSOM property: allowed by the CSP, unlike style="").
    if (target.tagName === "PRE") target.style.whiteSpace = "pre-wrap";
  }

  // Put the cursor where the server said the error is.
  const first = document.querySelector("[data-error-field]");
  if (first) {
    const view = views.get(first.dataset.errorField);
    const line = Number(first.dataset.errorLine || 1);
    const column = Number(first.dataset.errorColumn || 1);
    if (view && line <= view.state.doc.lines) {
      const at = Math.min(view.state.doc.line(line).from + column - 1, view.state.doc.line(line).to);
      view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
      view.focus();
    }
  }
  preview();
}
