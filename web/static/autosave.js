// Never losing a word on a form marked data-autosave: what is typed is kept on this device
// (localStorage) until the server has acknowledged it; a draft ("server") is also saved to
// the server every few seconds. A dropped connection, a session that has ended, or a newer
// version saved elsewhere is said plainly, and the text stays. After signing in again the
// page puts back what was kept. Everything here is an enhancement: without it the form's
// own buttons save drafts and show both texts on a stale save.
const PREFIX = 'sgwrs-draft:'
const EVERY_MS = 4000

const form = document.querySelector('form[data-autosave]')
const status = form?.querySelector('.sgwrs-autosave')

const clock = () => new Date().toLocaleTimeString(document.documentElement.lang || 'en', { hour: '2-digit', minute: '2-digit' })
const say = (key, values = {}, link) => {
  if (!status) return
  let text = status.dataset[key] || ''
  for (const [k, v] of Object.entries(values)) text = text.replace(`{${k}}`, v)
  status.textContent = text
  if (link) {
    const a = document.createElement('a')
    a.className = 'govuk-link'
    a.href = link.href
    a.textContent = link.text
    status.append(' ', a)
  }
  status.hidden = false
}

// What the person typed, by field name (the session's CSRF token is not theirs to keep).
const snapshot = () => {
  const fields = {}
  for (const el of form.elements) {
    if (!el.name || el.name === 'csrf' || el.type === 'submit') continue
    fields[el.name] = el.type === 'checkbox' ? el.checked : el.value
  }
  return fields
}
const restore = (fields) => {
  for (const el of form.elements) {
    if (!(el.name in fields) || el.name === 'csrf' || el.name === 'version' || el.name === 'client_key') continue
    if (el.type === 'checkbox') el.checked = Boolean(fields[el.name])
    else el.value = fields[el.name]
  }
}
const version = () => Number(form.elements.version?.value || 0)
const keyFor = (action) => PREFIX + action
let key = keyFor(form?.getAttribute('action'))

const keep = () => {
  try {
    localStorage.setItem(key, JSON.stringify({ at: Date.now(), version: version(), fields: snapshot() }))
  } catch { /* storage full or off: the server copy still comes */ }
}

if (form) {
  let changes = 0 // edits not yet acknowledged by the server
  let sending = false
  let stopped = false

  const kept = JSON.parse(localStorage.getItem(key) || 'null')
  if (kept && kept.version >= version()) {
    restore(kept.fields)
    changes += 1
    const at = new Date(kept.at).toLocaleTimeString(document.documentElement.lang || 'en', { hour: '2-digit', minute: '2-digit' })
    say(form.dataset.autosave === 'server' ? 'restored' : 'kept', { time: at })
  }

  const edited = () => {
    changes += 1
    keep()
    if (form.dataset.autosave !== 'server') say('kept', { time: clock() })
  }
  form.addEventListener('input', edited)
  form.addEventListener('change', edited)

  const save = async () => {
    if (sending || stopped || changes === 0 || form.dataset.autosave !== 'server') return
    sending = true
    const sent = changes
    const body = new URLSearchParams(new FormData(form))
    body.set('intent', 'draft')
    try {
      const res = await fetch(form.getAttribute('action'), {
        method: 'POST', body, redirect: 'manual', credentials: 'same-origin', headers: { 'X-Sgwrs-Autosave': '1' },
      })
      if (res.type === 'opaqueredirect' || res.status === 401 || res.status === 403) {
        // Signed out (timed out, or signed out in another tab): come back here after.
        stopped = true
        const back = `/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`
        say('signedOut', {}, { href: back, text: status.dataset.signIn })
        return
      }
      const answer = await res.json()
      if (res.ok) {
        const before = key
        form.setAttribute('action', answer.action)
        let v = form.elements.version
        if (!v) {
          v = document.createElement('input')
          v.type = 'hidden'
          v.name = 'version'
          form.prepend(v)
        }
        v.value = String(answer.version)
        if (location.pathname !== answer.edit_href) history.replaceState(null, '', answer.edit_href)
        key = keyFor(answer.action)
        localStorage.removeItem(before)
        changes -= sent
        if (changes > 0) keep()
        else localStorage.removeItem(key)
        say('saved', { time: clock() })
      } else if (res.status === 412) {
        stopped = true
        say('stale')
      } else {
        changes = Math.max(changes, 1)
        say('refused', { message: answer.message || '' })
      }
    } catch {
      say('offline')
    } finally {
      sending = false
    }
  }
  setInterval(save, EVERY_MS)
  window.addEventListener('online', save)

  // Submitting with a button: the device copy goes once the next page says it was saved.
  form.addEventListener('submit', () => sessionStorage.setItem('sgwrs-submitted', key))
}

// The page after a successful save (?done=…): the device copy of what was submitted goes.
const submitted = sessionStorage.getItem('sgwrs-submitted')
if (submitted && new URLSearchParams(location.search).has('done')) {
  localStorage.removeItem(submitted)
  sessionStorage.removeItem('sgwrs-submitted')
}

// Signing out leaves nothing typed on a shared device.
for (const out of document.querySelectorAll('form[action="/sign-out"]'))
  out.addEventListener('submit', () => {
    for (const k of Object.keys(localStorage)) if (k.startsWith(PREFIX)) localStorage.removeItem(k)
    sessionStorage.removeItem('sgwrs-submitted')
  })
