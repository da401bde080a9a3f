// Behaviour shared by the admin pages, kept out of the markup so the Content-Security-Policy needs no inline script.
// data-confirm="question" on a button or link: the action goes ahead only when the user confirms.
document.addEventListener('click', event => {
  const trigger = event.target instanceof Element ? event.target.closest('[data-confirm]') : null;
  if (trigger && !window.confirm(trigger.dataset.confirm)) {
    event.preventDefault();
  }
});
