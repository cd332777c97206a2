// Host UI the app can open through the SDK: snackbar, confirmation dialog, "new activity" modal.
// Only one modal at a time, as in Pipedrive; `closeCurrent` settles it as closed.

const SNACKBAR_MS = 8000;

export function createDialogs({ postJson, userId }) {
  const snackbar = document.getElementById('snackbar');
  const confirmDialog = document.getElementById('confirm-dialog');
  const activityDialog = document.getElementById('activity-modal');
  const activityForm = document.getElementById('activity-form');
  let current = null; // the open modal: { dialog, settle(result) }
  let snackbarTimer = 0;

  function open(dialog, onClose) {
    if (current) throw new Error('Another modal is already open');
    return new Promise((resolve) => {
      // Escape, a method="dialog" button or closeCurrent(): settle from the dialog's final state.
      // A `close` event is queued, not dispatched at once: one left over from the previous modal
      // can arrive after this one reopened the same dialog, so only a really closed dialog counts.
      const onDialogClose = () => {
        if (!dialog.open) entry.settle(onClose());
      };
      const entry = {
        dialog,
        settle(result) {
          if (current !== entry) return;
          current = null;
          dialog.removeEventListener('close', onDialogClose);
          if (dialog.open) dialog.close();
          resolve(result);
        },
      };
      current = entry;
      dialog.addEventListener('close', onDialogClose);
      dialog.showModal();
    });
  }

  function showSnackbar({ message, link }) {
    snackbar.replaceChildren(document.createTextNode(message));
    if (link && isWebUrl(link.url)) {
      const anchor = document.createElement('a');
      anchor.href = link.url;
      anchor.target = '_blank';
      anchor.rel = 'noopener noreferrer';
      anchor.textContent = link.label;
      snackbar.append(anchor);
    }
    snackbar.hidden = false;
    clearTimeout(snackbarTimer);
    snackbarTimer = setTimeout(() => {
      snackbar.hidden = true;
    }, SNACKBAR_MS);
  }

  function confirm({ title, description, okText, cancelText, okColor }) {
    document.getElementById('confirm-title').textContent = title;
    document.getElementById('confirm-description').textContent = description ?? '';
    const ok = document.getElementById('confirm-ok');
    ok.textContent = okText ?? 'OK';
    ok.dataset.color = ['primary', 'secondary', 'negative'].includes(okColor) ? okColor : 'negative';
    document.getElementById('confirm-cancel').textContent = cancelText ?? 'Cancel';
    confirmDialog.returnValue = '';
    return open(confirmDialog, () => ({ confirmed: confirmDialog.returnValue === 'ok' }));
  }

  function openActivity(prefill) {
    fillActivityForm(activityForm, prefill ?? {});
    return open(activityDialog, () => ({ status: 'closed' }));
  }

  activityForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = activityForm.querySelector('.form-error');
    error.hidden = true;
    try {
      const { id } = await postJson('/ui/actions/activities', { userId, ...readActivityForm(activityForm) });
      current?.settle({ status: 'submitted', id });
    } catch (err) {
      error.textContent = err instanceof Error ? err.message : String(err);
      error.hidden = false;
    }
  });
  document.getElementById('activity-cancel').addEventListener('click', () => current?.settle({ status: 'closed' }));

  return {
    showSnackbar,
    confirm,
    openActivity,
    /** Closes whatever modal is open (as if the user cancelled); true if there was one. */
    closeCurrent() {
      if (!current) return false;
      current.dialog.close();
      return true;
    },
  };
}

function isWebUrl(value) {
  try {
    const url = new URL(String(value));
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

const TEXT_FIELDS = ['subject', 'dueDate', 'dueTime', 'duration', 'note', 'description'];

function fillActivityForm(form, prefill) {
  form.reset();
  form.querySelector('.form-error').hidden = true;
  for (const name of TEXT_FIELDS) {
    if (typeof prefill[name] === 'string') form.elements[name].value = prefill[name];
  }
  for (const name of ['deal', 'organization']) {
    if (Number.isInteger(prefill[name]) && prefill[name] > 0) form.elements[name].value = String(prefill[name]);
  }
}

function readActivityForm(form) {
  const data = {};
  for (const name of [...TEXT_FIELDS, 'type']) data[name] = form.elements[name].value;
  for (const name of ['deal', 'organization']) {
    const value = form.elements[name].value;
    if (value !== '') data[name] = Number(value);
  }
  return data;
}
