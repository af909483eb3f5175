// The few behaviours the pages need besides htmx (inline scripts are refused by the content security policy).
document.addEventListener('click', function (event) {
  if (event.target.closest('[data-print]')) {
    window.print();
  }
  // « Tout cocher » / « Tout décocher » of a list of checkboxes: the boxes of the form named by data-check-all.
  var all = event.target.closest('[data-check-all]');
  if (all) {
    var form = document.getElementById(all.getAttribute('data-check-all'));
    Array.prototype.forEach.call(form ? form.querySelectorAll('input[type=checkbox]') : [], function (box) {
      box.checked = all.getAttribute('data-checked') === 'true';
    });
  }
});

// A live search (htmx) the service refuses (a bad filter value, a failure) answers an error page that htmx would not
// show: go to that address instead, so the page says what went wrong, in the product's layout.
document.addEventListener('htmx:responseError', function (event) {
  var config = event.detail.requestConfig;
  var address = event.detail.xhr && event.detail.xhr.responseURL;
  if (config && config.verb === 'get' && address) {
    window.location.assign(address);
  }
});

// A refused form comes back as it was typed, with the message beside the field at fault (aria-describedby points to
// it); the summary at the top of the page (#flash) says what went wrong even without this script.
function eadRestoreRefusedForm() {
  var summary = document.getElementById('flash');
  if (!summary || !summary.getAttribute('data-kept') || summary.getAttribute('data-restored')) {
    return;
  }
  var kept = JSON.parse(summary.getAttribute('data-kept'));
  var form = Array.prototype.filter.call(document.forms, function (f) {
    return (f.getAttribute('method') || '').toLowerCase() === 'post'
      && new URL(f.getAttribute('action') || '', window.location.href).pathname === kept.form;
  })[0];
  if (!form) {
    return;
  }
  summary.setAttribute('data-restored', 'true');
  // What was typed and refused is still not saved: the findings' guard holds it as if typed again.
  if (form.hasAttribute('data-save-first')) {
    form.setAttribute('data-typed', 'true');
  }
  var named = function (name) {
    return Array.prototype.filter.call(form.elements, function (e) { return e.name === name; });
  };
  Object.keys(kept.values).forEach(function (name) {
    var typed = kept.values[name];
    named(name).forEach(function (field, i) {
      if (['hidden', 'file', 'password', 'submit', 'button'].indexOf(field.type) >= 0) {
        return;
      }
      if (field.type === 'checkbox' || field.type === 'radio') {
        field.checked = typed.indexOf(field.value) >= 0;
      } else if (typed.length === 1) {
        field.value = typed[0];
      } else if (typed[i] !== undefined) {
        field.value = typed[i];
      }
    });
  });
  Array.prototype.forEach.call(form.querySelectorAll('input[type=checkbox]'), function (box) {
    if (!Object.prototype.hasOwnProperty.call(kept.values, box.name)) {
      box.checked = false;
    }
  });
  Object.keys(kept.errors).forEach(function (name) {
    var field = named(name)[0];
    if (!field) {
      return;
    }
    // A group of boxes sharing a name (who followed a session, who to register) is one answer: its message goes
    // under the group's legend and the summary names the legend, not the first person's box.
    var group = field.type === 'checkbox' || field.type === 'radio' ? field.closest('fieldset') : null;
    var legend = group && group.querySelector('legend');
    var message = document.createElement('span');
    message.className = 'field-error';
    message.id = 'erreur-' + (field.id || name);
    message.textContent = kept.errors[name];
    var target = legend ? group : field;
    var described = target.getAttribute('aria-describedby');
    target.setAttribute('aria-describedby', described ? message.id + ' ' + described : message.id);
    // A group's answer is refused as a whole: every box of the group is marked, not the first alone.
    Array.prototype.forEach.call(legend ? group.querySelectorAll('input[name="' + CSS.escape(name) + '"]') : [field], function (box) {
      box.setAttribute('aria-invalid', 'true');
    });
    if (legend) {
      group.id = group.id || 'groupe-' + name;
      legend.insertAdjacentElement('afterend', message);
    } else {
      (field.closest('.field') || field.parentNode).appendChild(message);
    }
    var link = document.createElement('a');
    link.href = '#' + (legend ? group.id : field.id || message.id);
    link.className = 'error-summary-link';
    link.textContent = 'Corriger « ' + (legend ? legend.textContent.trim()
      : field.labels && field.labels[0] ? field.labels[0].textContent.trim() : name) + ' »';
    summary.appendChild(link);
  });
  var details = form.closest('details');
  if (details) {
    details.open = true;
  }
}
document.addEventListener('DOMContentLoaded', eadRestoreRefusedForm);
document.addEventListener('htmx:afterSettle', eadRestoreRefusedForm);

// The menu button of small screens: the stylesheet folds the menu only once this script runs (class "js").
document.documentElement.classList.add('js');
document.addEventListener('click', function (event) {
  var button = event.target.closest('.menu-button');
  if (!button) {
    return;
  }
  var menu = document.getElementById(button.getAttribute('aria-controls'));
  var open = button.getAttribute('aria-expanded') !== 'true';
  button.setAttribute('aria-expanded', String(open));
  menu.classList.toggle('open', open);
});

// A form that succeeded sends the page to its section (#affectations, #grille): the confirmation at the top of the page
// would be out of sight there, so it is shown just above that section.
document.addEventListener('DOMContentLoaded', function () {
  var done = document.getElementById('flash');
  if (!done || done.getAttribute('role') !== 'status' || window.location.hash.length < 2) {
    return;
  }
  var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
  var wrap = done.closest('.flash-wrap') || done;
  if (!target || target.contains(wrap) || !target.parentNode) {
    return;
  }
  target.parentNode.insertBefore(wrap, target);
  // The browser scrolls to the section (again once the page has loaded): room is left above it for the confirmation.
  target.style.scrollMarginTop = (wrap.getBoundingClientRect().height + 16) + 'px';
  wrap.scrollIntoView({ block: 'start' });
});

// A list of choices a live search refreshes (the module of a new assignment): what the person chose since they last
// typed in the search is their choice, and an answer of the search arriving after it does not replace the list.
// Typing and choosing are numbered in the order they happen.
var eadTypedAt = {};
var eadActions = 0;
document.addEventListener('input', function (event) {
  var into = event.target.getAttribute && event.target.getAttribute('hx-target');
  if (into) {
    eadTypedAt[into] = ++eadActions;
  }
});
document.addEventListener('change', function (event) {
  if (event.target.tagName === 'SELECT') {
    event.target.setAttribute('data-chosen-at', String(++eadActions));
  }
});
document.addEventListener('htmx:beforeSwap', function (event) {
  var target = event.detail.target;
  if (target && target.tagName === 'SELECT' && target.hasAttribute('data-chosen-at')
      && Number(target.getAttribute('data-chosen-at')) > (eadTypedAt['#' + target.id] || 0)) {
    event.detail.shouldSwap = false;
  }
});

// A form sent is not sent again by a second click while its answer comes (a double click on « Lancer une
// synchronisation » started two runs). A form whose answer is a file leaves the page where it is: sending it again
// is allowed after a few seconds. A page the browser shows again from its history (back) may be sent at once.
var EAD_RESEND_AFTER_MS = 5000;
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (event.defaultPrevented || form.hasAttribute('hx-post') || form.hasAttribute('hx-get')
      || (form.getAttribute('method') || 'get').toLowerCase() !== 'post') {
    return;
  }
  var sentAt = Number(form.getAttribute('data-sent-at') || 0);
  if (sentAt && Date.now() - sentAt < EAD_RESEND_AFTER_MS) {
    event.preventDefault();
    return;
  }
  form.setAttribute('data-sent-at', String(Date.now()));
});
window.addEventListener('pageshow', function (event) {
  if (event.persisted) {
    document.querySelectorAll('form[data-sent-at]').forEach(function (form) {
      form.removeAttribute('data-sent-at');
    });
  }
});

// Findings typed and not saved are not lost to a decision of the page (« Approuver », « Demander des modifications »,
// « Refuser »: forms marked data-after-save): that button says to save them first, and nothing is sent. The findings'
// form names its message (data-save-first); signing out or changing the reviewer is not held back.
function eadMarkTyped(event) {
  var form = event.target.form;
  if (form && form.hasAttribute('data-save-first')) {
    form.setAttribute('data-typed', 'true');
  }
}
document.addEventListener('input', eadMarkTyped);
document.addEventListener('change', eadMarkTyped);
document.addEventListener('submit', function (event) {
  var typed = document.querySelector('form[data-save-first][data-typed]');
  if (!typed || typed === event.target || !event.target.hasAttribute('data-after-save')) {
    return;
  }
  event.preventDefault();
  var notice = document.getElementById('save-first');
  if (!notice) {
    notice = document.createElement('p');
    notice.id = 'save-first';
    notice.className = 'notice error';
    notice.setAttribute('role', 'alert');
  }
  notice.textContent = typed.getAttribute('data-save-first');
  event.target.insertBefore(notice, event.target.firstChild);
}, true);

// A form that ends or cancels something at once (data-confirm): the first click asks, on its button, for a second one
// within 10 s; nothing is sent until then (no dialog: the page stays as it is).
var EAD_CONFIRM_WITHIN_MS = 10000;
var EAD_CONFIRM_AFTER_MS = 500;
document.addEventListener('submit', function (event) {
  var form = event.target;
  var ask = form.getAttribute && form.getAttribute('data-confirm');
  if (!ask || event.defaultPrevented) {
    return;
  }
  var askedAt = Number(form.getAttribute('data-asked-at') || 0);
  if (askedAt && Date.now() - askedAt < EAD_CONFIRM_AFTER_MS) {
    // The second click of a double click: the stray click this question is there to stop.
    event.preventDefault();
    return;
  }
  if (askedAt && Date.now() - askedAt < EAD_CONFIRM_WITHIN_MS) {
    form.removeAttribute('data-asked-at');
    return;
  }
  event.preventDefault();
  form.setAttribute('data-asked-at', String(Date.now()));
  var button = event.submitter || form.querySelector('button[type=submit]');
  if (!button) {
    return;
  }
  var label = button.textContent;
  button.textContent = ask;
  button.classList.add('confirming');
  setTimeout(function () {
    if (form.getAttribute('data-asked-at')) {
      form.removeAttribute('data-asked-at');
    }
    button.textContent = label;
    button.classList.remove('confirming');
  }, EAD_CONFIRM_WITHIN_MS);
}, true);
