// The booking slot picker of Pick.cshtml: loads a week of free times from the slots endpoint named by
// #slot-picker's data attributes and renders them as links to the details (or reschedule) step.
(() => {
  const root = document.getElementById('slot-picker');
  const form = document.getElementById('picker-form');
  const list = document.getElementById('slots');
  const label = document.getElementById('week-label');
  const earlier = document.getElementById('earlier');
  const tz = form.elements['tz'];
  if (!new URLSearchParams(location.search).has('tz')) {
    const detected = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if ([...tz.options].some(o => o.value === detected)) tz.value = detected;
  }
  let from = root.dataset.from || null;
  let firstDay = null;
  const addDays = (day, n) => { const d = new Date(day + 'T00:00:00Z'); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10); };
  const dayName = day => new Date(day + 'T12:00:00Z').toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  const el = (tag, props, text) => { const e = Object.assign(document.createElement(tag), props || {}); if (text) e.textContent = text; return e; };

  function linkFor(slot) {
    const any = form.elements['host'].value === 'any';
    if (root.dataset.change) {
      return root.dataset.base + '/book/manage/' + encodeURIComponent(root.dataset.change) + '/reschedule?' + new URLSearchParams({ start: slot.start, tz: tz.value });
    }
    return root.dataset.base + '/book/' + root.dataset.service + '/details?' + new URLSearchParams({
      host: any ? 'any' : slot.hostId, start: slot.start, duration: form.elements['duration'].value, tz: tz.value });
  }

  function render(data) {
    label.textContent = dayName(data.from) + ' – ' + dayName(data.to);
    earlier.disabled = firstDay !== null && data.from <= firstDay;
    list.replaceChildren();
    const any = form.elements['host'].value === 'any';
    const seen = new Set();
    const byDay = new Map();
    for (const slot of data.slots) {
      if (any && seen.has(slot.start)) continue;
      seen.add(slot.start);
      const day = slot.start.slice(0, 10);
      if (!byDay.has(day)) byDay.set(day, []);
      byDay.get(day).push(slot);
    }
    if (byDay.size === 0) {
      list.append(el('p', { className: 'text-body-secondary' }, 'No free times in these days. Try later dates or another host.'));
      return;
    }
    for (const [day, slots] of byDay) {
      const section = el('section', { className: 'mb-3' });
      section.append(el('h3', { className: 'h6' }, dayName(day)));
      const row = el('div', { className: 'd-flex flex-wrap gap-2' });
      for (const slot of slots) {
        const time = slot.start.slice(11, 16);
        const who = any ? '' : ' with ' + slot.hostName;
        const seats = slot.seatsLeft > 1 || data.slots.some(s => s.seatsLeft > 1) ? ' · ' + slot.seatsLeft + ' left' : '';
        const a = el('a', { className: 'btn btn-outline-primary slot', href: linkFor(slot) }, time + seats);
        a.dataset.start = slot.start;
        a.setAttribute('aria-label', dayName(day) + ' ' + time + who + seats);
        row.append(a);
      }
      section.append(row);
      list.append(section);
    }
  }

  async function load() {
    const query = new URLSearchParams({ service: root.dataset.service, host: form.elements['host'].value, duration: form.elements['duration'].value, tz: tz.value });
    if (from) { query.set('from', from); query.set('to', addDays(from, 6)); }
    list.replaceChildren(el('p', { className: 'text-body-secondary' }, 'Loading times…'));
    try {
      const response = await fetch(root.dataset.slotsUrl + '?' + query, { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(response.status);
      const data = await response.json();
      from = data.from;
      if (firstDay === null) firstDay = data.from;
      render(data);
    } catch {
      list.replaceChildren(el('p', { className: 'alert alert-warning' }, 'Times could not be loaded just now. Please try again in a moment.'));
    }
  }

  form.addEventListener('submit', e => { e.preventDefault(); load(); });
  form.addEventListener('change', () => load());
  earlier.addEventListener('click', () => { from = addDays(from, -7); if (firstDay && from < firstDay) from = firstDay; load(); });
  document.getElementById('later').addEventListener('click', () => { from = addDays(from, 7); load(); });
  load();
})();
