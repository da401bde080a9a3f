// The visitor's zone on the slot picker: starts from the browser's zone when the link names none, and turns the plain
// <select id="tz"> into a searchable Tom Select that finds "New York", "berlin", "+05:30" or "UTC-5".
(() => {
  const root = document.getElementById('slot-picker');
  const select = document.getElementById('tz');
  if (!root || !select) return;

  if (root.dataset.zoneFromLink !== 'true') {
    const detected = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (detected && [...select.options].some(o => o.value === detected)) select.value = detected;
  }
  if (typeof TomSelect === 'undefined') return;

  // "utc-5", "gmt+5:30", "+0530" → "utc-05" / "utc+05:30", the way option labels write offsets.
  const offsetToken = token => {
    const match = /^(?:utc|gmt)?([+\-\u2212])(\d{1,2})(?::?(\d{2}))?$/.exec(token);
    if (!match) return token;
    const sign = match[1] === '+' ? '+' : '-';
    return 'utc' + sign + match[2].padStart(2, '0') + (match[3] ? ':' + match[3] : '');
  };
  const tokensOf = search => search.toLowerCase().replace(/_/g, ' ').split(/\s+/).filter(Boolean).map(offsetToken);

  const labelText = document.querySelector('label[for="tz"]')?.textContent.trim() || 'Time zone';
  new TomSelect(select, {
    create: false,
    maxOptions: 80,
    searchField: ['text'],
    placeholder: 'Search a city or an offset, e.g. New York or UTC-5',
    // Every word must appear in the label; cities that start with the search come first.
    score(search) {
      const tokens = tokensOf(search);
      const city = search.trim().toLowerCase();
      return item => {
        const text = item.text.toLowerCase();
        if (!tokens.every(token => text.includes(token))) return 0;
        const name = text.split(' (')[0];
        return name.slice(name.lastIndexOf('/') + 1).startsWith(city) ? 2 : 1;
      };
    },
  });
  // Tom Select moves the label to its search box; the hidden select it keeps in sync still needs a name of its own.
  select.setAttribute('aria-label', labelText);
})();
