// Progressive enhancement only: every page works without this file.
import { initAll } from '/static/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()

// Matrix cells: draw each share as a bar (the number beside it is the data).
for (const bar of document.querySelectorAll('[data-bar]')) {
  bar.style.width = `${Math.max(0, Math.min(100, Number(bar.dataset.bar) || 0))}%`
}

// Coding by selecting words: offsets are Unicode code points into the report's text, which
// each passage element holds exactly, starting at its data-offset.
const panel = document.getElementById('selection-panel')
if (panel) {
  for (const el of document.querySelectorAll('.sgwrs-js-only')) el.hidden = false
  const codePoints = (s) => [...s].length
  const passageOf = (node) => (node.nodeType === 1 ? node : node.parentElement)?.closest('.sgwrs-passage')

  const offer = () => {
    const sel = window.getSelection()
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) return
    const range = sel.getRangeAt(0)
    const passage = passageOf(range.startContainer)
    if (!passage || passageOf(range.endContainer) !== passage) return
    const before = document.createRange()
    before.selectNodeContents(passage)
    before.setEnd(range.startContainer, range.startOffset)
    const text = range.toString()
    // Leave out white space at either end, as a person means the words.
    const lead = codePoints(text) - codePoints(text.trimStart())
    const trimmed = text.trim()
    if (!trimmed) return
    const start = Number(passage.dataset.offset) + codePoints(before.toString()) + lead
    panel.elements.start.value = String(start)
    panel.elements.end.value = String(start + codePoints(trimmed))
    panel.querySelector('.sgwrs-selection-panel__quote').textContent = trimmed
    panel.hidden = false
  }
  document.addEventListener('mouseup', offer)
  document.addEventListener('keyup', (e) => { if (e.shiftKey) offer() })
  panel.querySelector('[data-action="cancel-selection"]').addEventListener('click', () => {
    panel.hidden = true
    window.getSelection()?.removeAllRanges()
  })
  for (const p of document.querySelectorAll('.sgwrs-passage')) p.tabIndex = 0
}

// Forms that never lose a word (drafts saved as they are typed, kept on the device offline).
import('/static/autosave.js')
