// The few behaviours the pages need besides htmx (inline scripts are refused by the content security policy).
document.addEventListener('click', function (event) {
  if (event.target.closest('[data-print]')) {
    window.print();
  }
});
