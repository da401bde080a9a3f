// The drawn workflow editor (drawflow): a picker adds activities, nodes are dragged, an outcome's output is joined to
// the next activity's input (or chosen in the properties panel's "then go to" list), and the graph is posted as the
// definition JSON. The same bundle draws a run read-only with the path it took highlighted.
// The page hands over its data in <script type="application/json" id="workflow-data">; no inline script is needed.
import Drawflow from "drawflow";
import "drawflow/dist/drawflow.min.css";
import "./editor.css";

const dataElement = document.getElementById("workflow-data");
const canvas = document.querySelector("[data-workflow-canvas]");
if (dataElement && canvas) {
  const data = JSON.parse(dataElement.textContent);
  const viewOnly = dataElement.dataset.mode === "view";
  const catalog = new Map(data.catalog.map((a) => [a.type, a]));
  const problems = data.problems || [];
  /** drawflow's numeric id → the activity: its stable id, type and property values. */
  const nodes = new Map();

  const editor = new Drawflow(canvas);
  editor.reroute = false;
  editor.editor_mode = viewOnly ? "fixed" : "edit";
  // Delete/Backspace in the properties panel must not remove the selected node.
  const baseKey = editor.key;
  editor.key = function (e) {
    if (e.target instanceof Element && e.target !== document.body && !canvas.contains(e.target)) return;
    baseKey.call(this, e);
  };
  editor.start();

  const outcomesOf = (type) => catalog.get(type)?.outcomes || ["Done"];
  const nameOf = (type) => catalog.get(type)?.name || type;
  const dfIdOf = (activityId) => [...nodes.entries()].find(([, n]) => n.id === activityId)?.[0];
  const element = (tag, className, text) => {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text != null) e.textContent = text;
    return e;
  };

  function addNode(activity) {
    const outcomes = outcomesOf(activity.type);
    const known = catalog.has(activity.type);
    const dfId = editor.addNode(activity.type, 1, outcomes.length, activity.x || 0, activity.y || 0,
      "wf-node" + (known ? "" : " wf-unknown"), {}, "", false);
    nodes.set(String(dfId), { id: activity.id, type: activity.type, properties: { ...(activity.properties || {}) } });
    const root = document.getElementById("node-" + dfId);
    root.dataset.activityId = activity.id;
    root.dataset.activityType = activity.type;
    root.setAttribute("tabindex", "0");
    root.setAttribute("role", "group");
    root.setAttribute("aria-label", `${nameOf(activity.type)} (${activity.id})`);
    const content = root.querySelector(".drawflow_content_node");
    content.append(element("div", "wf-node-title", nameOf(activity.type)));
    content.append(element("div", "wf-node-id", activity.id));
    const notes = element("ul", "wf-node-problems list-unstyled mb-0");
    notes.dataset.nodeProblems = activity.id;
    content.append(notes);
    outcomes.forEach((outcome, i) => {
      const port = root.querySelector(`.outputs .output_${i + 1}`);
      port.dataset.outcome = outcome;
      port.title = outcome;
      port.append(element("span", "wf-outcome-label", outcome));
    });
    root.querySelector(".inputs .input_1")?.setAttribute("title", "Into " + nameOf(activity.type));
    return String(dfId);
  }

  function connect(transition) {
    const from = dfIdOf(transition.from);
    const to = dfIdOf(transition.to);
    if (!from || !to) return;
    const index = outcomesOf(nodes.get(from).type).findIndex((o) => o.toLowerCase() === transition.outcome.toLowerCase());
    if (index < 0) return;
    editor.addConnection(from, to, "output_" + (index + 1), "input_1");
  }

  /** Marks each connection's SVG with the transition it stands for, so pages and tests can find it. */
  function labelConnections() {
    for (const svg of canvas.querySelectorAll("svg.connection")) {
      const classes = [...svg.classList];
      const from = classes.find((c) => c.startsWith("node_out_node-"))?.slice("node_out_node-".length);
      const to = classes.find((c) => c.startsWith("node_in_node-"))?.slice("node_in_node-".length);
      const output = classes.find((c) => c.startsWith("output_"));
      if (!from || !to || !output || !nodes.has(from) || !nodes.has(to)) continue;
      svg.dataset.from = nodes.get(from).id;
      svg.dataset.to = nodes.get(to).id;
      svg.dataset.outcome = outcomesOf(nodes.get(from).type)[Number(output.slice(7)) - 1] || "";
    }
  }

  function transitions() {
    const result = [];
    const exported = editor.export().drawflow.Home.data;
    for (const [dfId, node] of Object.entries(exported)) {
      const from = nodes.get(String(dfId));
      if (!from) continue;
      const outcomes = outcomesOf(from.type);
      for (const [output, { connections }] of Object.entries(node.outputs)) {
        const outcome = outcomes[Number(output.slice(7)) - 1];
        for (const c of connections) {
          const to = nodes.get(String(c.node));
          if (outcome && to) result.push({ from: from.id, outcome, to: to.id });
        }
      }
    }
    return result;
  }

  function definition() {
    const exported = editor.export().drawflow.Home.data;
    const activities = [...nodes.entries()].map(([dfId, n]) => ({
      id: n.id, type: n.type, properties: n.properties,
      x: Math.round(exported[dfId]?.pos_x || 0), y: Math.round(exported[dfId]?.pos_y || 0),
    }));
    return { activities, transitions: transitions() };
  }

  function showProblemsOnNodes() {
    for (const p of problems.filter((p) => p.activityId)) {
      const list = canvas.querySelector(`[data-node-problems="${CSS.escape(p.activityId)}"]`);
      if (!list) continue;
      list.closest(".drawflow-node").classList.add("wf-problem");
      list.append(element("li", null, p.message));
    }
  }

  for (const activity of data.definition.activities || []) addNode(activity);
  for (const transition of data.definition.transitions || []) connect(transition);
  labelConnections();
  showProblemsOnNodes();

  if (viewOnly) {
    highlightRun(data.steps || []);
  } else {
    setUpEditing();
  }

  // Zoom buttons (both modes).
  for (const button of document.querySelectorAll("[data-zoom]")) {
    button.addEventListener("click", () => {
      const how = button.dataset.zoom;
      if (how === "in") editor.zoom_in();
      else if (how === "out") editor.zoom_out();
      else editor.zoom_reset();
    });
  }

  /** The run's path: each step's node coloured by its status, and the connection each step came along. */
  function highlightRun(steps) {
    const byId = new Map(steps.map((s) => [s.id, s]));
    for (const step of steps) {
      const dfId = dfIdOf(step.activityId);
      if (!dfId) continue;
      const root = document.getElementById("node-" + dfId);
      for (const c of [...root.classList].filter((c) => c.startsWith("wf-status-"))) root.classList.remove(c);
      root.classList.add("wf-ran", "wf-status-" + step.status);
      root.dataset.stepStatus = step.status;
      root.setAttribute("aria-label", `${nameOf(step.activityType)} (${step.activityId}): ${step.status}${step.outcome ? ", " + step.outcome : ""}`);
      const previous = step.previousStepId != null ? byId.get(step.previousStepId) : null;
      if (!previous || !previous.outcome) continue;
      const from = dfIdOf(previous.activityId);
      const index = outcomesOf(previous.activityType).findIndex((o) => o.toLowerCase() === previous.outcome.toLowerCase());
      if (!from || index < 0) continue;
      canvas.querySelector(`svg.connection.node_out_node-${from}.node_in_node-${dfId}.output_${index + 1}`)?.classList.add("wf-taken");
    }
  }

  function setUpEditing() {
    const form = document.querySelector("form[data-workflow-form]");
    const panel = document.querySelector("[data-workflow-panel]");
    let selected = null;

    editor.on("nodeSelected", (id) => select(String(id)));
    editor.on("nodeUnselected", () => select(null));
    editor.on("nodeRemoved", (id) => {
      nodes.delete(String(id));
      if (selected === String(id)) select(null);
    });
    editor.on("connectionCreated", () => { labelConnections(); refreshPanel(); });
    editor.on("connectionRemoved", () => refreshPanel());
    canvas.addEventListener("keydown", (e) => {
      const root = e.target instanceof Element ? e.target.closest(".drawflow-node") : null;
      if (root && (e.key === "Enter" || e.key === " ") && e.target === root) {
        e.preventDefault();
        select(root.id.slice(5));
      }
    });

    for (const button of document.querySelectorAll("[data-add-activity]")) {
      button.addEventListener("click", () => {
        const type = button.dataset.addActivity;
        const activity = catalog.get(type);
        const properties = {};
        for (const p of activity.properties) if (p.default != null) properties[p.name] = p.default;
        const { x, y } = freeSpot();
        const dfId = addNode({ id: newId(), type, properties, x, y });
        select(dfId);
        document.getElementById("node-" + dfId).focus();
      });
    }

    form?.addEventListener("submit", () => {
      form.querySelector("[name='Definition']").value = JSON.stringify(definition());
    });

    /** The first place in the visible part of the canvas where a new node overlaps none. */
    function freeSpot() {
      const zoom = editor.zoom || 1;
      const left = Math.max(0, -editor.canvas_x / zoom), top = Math.max(0, -editor.canvas_y / zoom);
      const placed = Object.values(editor.export().drawflow.Home.data);
      const columns = Math.max(1, Math.floor(canvas.clientWidth / zoom / 260));
      const rows = Math.max(1, Math.floor(canvas.clientHeight / zoom / 120));
      for (let row = 0; row < rows; row++) {
        for (let column = 0; column < columns; column++) {
          const x = left + 30 + column * 260, y = top + 20 + row * 120;
          if (placed.every((n) => Math.abs(n.pos_x - x) > 230 || Math.abs(n.pos_y - y) > 110)) return { x, y };
        }
      }
      return { x: left + 40 + (nodes.size % 5) * 30, y: top + 40 + (nodes.size % 5) * 30 };
    }

    function newId() {
      const taken = new Set([...nodes.values()].map((n) => n.id));
      let id;
      do id = Math.random().toString(16).slice(2, 8); while (taken.has(id) || id.length < 6);
      return id;
    }

    function select(dfId) {
      selected = dfId && nodes.has(dfId) ? dfId : null;
      for (const n of canvas.querySelectorAll(".drawflow-node.wf-selected")) n.classList.remove("wf-selected");
      if (selected) document.getElementById("node-" + selected).classList.add("wf-selected");
      refreshPanel();
    }

    function refreshPanel() {
      if (!panel) return;
      panel.replaceChildren();
      if (!selected || !nodes.has(selected)) {
        panel.append(element("p", "text-body-secondary mb-0", "Select an activity on the canvas (click it, or Tab to it and press Enter) to edit it and its connections."));
        return;
      }
      const node = nodes.get(selected);
      const activity = catalog.get(node.type);
      const heading = element("h2", "h5 mb-1", nameOf(node.type));
      heading.id = "wf-panel-title";
      panel.setAttribute("aria-labelledby", heading.id);
      panel.append(heading, element("p", "small text-body-secondary mb-2", `${activity?.description || ""} (id ${node.id})`));
      const mine = problems.filter((p) => p.activityId === node.id);
      if (mine.filter((p) => !p.property).length) {
        const alert = element("div", "alert alert-danger py-2 small");
        alert.setAttribute("role", "alert");
        const list = element("ul", "mb-0 ps-3");
        for (const p of mine.filter((p) => !p.property)) list.append(element("li", null, p.message));
        alert.append(list);
        panel.append(alert);
      }
      for (const property of activity?.properties || []) panel.append(field(node, property, mine.filter((p) => p.property === property.name)));
      panel.append(connections(node));
      const remove = element("button", "btn btn-outline-danger btn-sm mt-3", "Delete this activity");
      remove.type = "button";
      remove.addEventListener("click", () => editor.removeNodeId("node-" + selected));
      panel.append(remove);
    }

    function field(node, property, fieldProblems) {
      const wrapper = element("div", "mb-3");
      const id = "wf-prop-" + property.name;
      const label = element("label", "form-label", property.label + (property.required ? " (required)" : ""));
      label.htmlFor = id;
      let input;
      if (property.kind === "Select") {
        input = element("select", "form-select");
        for (const option of property.options) {
          const o = element("option", null, option.label);
          o.value = option.value;
          input.append(o);
        }
      } else if (property.kind === "LiquidBlock" || property.kind === "LiquidCondition") {
        input = element("textarea", "form-control font-monospace");
        input.rows = property.kind === "LiquidBlock" ? 5 : 2;
      } else {
        input = element("input", "form-control" + (property.kind === "Liquid" ? " font-monospace" : ""));
        input.type = property.kind === "Number" ? "number" : "text";
        if (property.min != null) input.min = property.min;
        if (property.max != null) input.max = property.max;
      }
      input.id = id;
      input.name = "wf-prop-" + property.name;
      if (property.kind !== "Select" && property.kind !== "Number") input.maxLength = property.maxLength;
      if (property.required) input.required = true;
      const value = node.properties[property.name];
      input.value = value == null ? (property.default ?? "") : String(value);
      input.addEventListener("input", () => {
        node.properties[property.name] = property.kind === "Number" && input.value !== "" ? Number(input.value) : input.value;
      });
      input.addEventListener("change", () => input.dispatchEvent(new Event("input")));
      wrapper.append(label, input);
      const described = [];
      if (property.help) {
        const help = element("div", "form-text", property.help);
        help.id = id + "-help";
        described.push(help.id);
        wrapper.append(help);
      }
      if (fieldProblems.length) {
        input.classList.add("is-invalid");
        input.setAttribute("aria-invalid", "true");
        const feedback = element("div", "invalid-feedback d-block", fieldProblems.map((p) => p.message).join(" "));
        feedback.id = id + "-problem";
        described.push(feedback.id);
        wrapper.append(feedback);
      }
      if (described.length) input.setAttribute("aria-describedby", described.join(" "));
      return wrapper;
    }

    /** For each outcome: where it leads (with Remove) and a "then go to…" choice, the no-drag way to connect. */
    function connections(node) {
      const box = element("fieldset", "border rounded p-2");
      box.append(element("legend", "h6 float-none w-auto px-1 mb-1", "Next steps"));
      const exported = editor.export().drawflow.Home.data[selected];
      outcomesOf(node.type).forEach((outcome, i) => {
        const output = "output_" + (i + 1);
        const row = element("div", "mb-2");
        row.dataset.outcome = outcome;
        const targets = exported?.outputs[output]?.connections || [];
        const list = element("ul", "list-unstyled small mb-1");
        for (const c of targets) {
          const to = nodes.get(String(c.node));
          if (!to) continue;
          const item = element("li", "d-flex align-items-center gap-2", `${outcome} → ${nameOf(to.type)} (${to.id})`);
          const unlink = element("button", "btn btn-link btn-sm p-0", "Remove");
          unlink.type = "button";
          unlink.setAttribute("aria-label", `Remove the connection ${outcome} → ${nameOf(to.type)} (${to.id})`);
          unlink.addEventListener("click", () => editor.removeSingleConnection(selected, String(c.node), output, c.output));
          item.append(unlink);
          list.append(item);
        }
        if (!targets.length) list.append(element("li", "text-body-secondary", `${outcome}: not connected`));
        const id = `wf-next-${i}`;
        const label = element("label", "form-label small mb-0", `After “${outcome}”, go to`);
        label.htmlFor = id;
        const group = element("div", "input-group input-group-sm");
        const choose = element("select", "form-select");
        choose.id = id;
        choose.append(element("option", null, "Choose an activity…"));
        choose.firstChild.value = "";
        for (const [dfId, other] of nodes) {
          if (dfId === selected || targets.some((c) => String(c.node) === dfId)) continue;
          const option = element("option", null, `${nameOf(other.type)} (${other.id})`);
          option.value = dfId;
          choose.append(option);
        }
        const add = element("button", "btn btn-outline-primary", `Connect ${outcome}`);
        add.type = "button";
        add.addEventListener("click", () => {
          if (choose.value) editor.addConnection(selected, choose.value, output, "input_1");
        });
        group.append(choose, add);
        row.append(list, label, group);
        box.append(row);
      });
      return box;
    }

    // "Show" beside a problem selects its activity; a problem with a field opens that activity's form at once.
    for (const button of document.querySelectorAll("[data-select-activity]")) {
      button.addEventListener("click", () => {
        const dfId = dfIdOf(button.dataset.selectActivity);
        if (!dfId) return;
        select(dfId);
        document.getElementById("node-" + dfId).focus();
      });
    }
    const fieldProblem = problems.find((p) => p.activityId && p.property && dfIdOf(p.activityId));
    select(fieldProblem ? dfIdOf(fieldProblem.activityId) : null);
  }
}
