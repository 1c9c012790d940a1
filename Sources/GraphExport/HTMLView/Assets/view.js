// Plexus HTML view: pan and zoom the Graphviz drawing, find an entity by any of its names,
// filter ties, and read the sentences behind an entity or a tie. Everything from the graph
// reaches the page as text (textContent, attribute values), never as markup.
'use strict';
(function () {
  const data = JSON.parse(document.getElementById('plexus-data').textContent);
  const stage = document.getElementById('stage');
  const side = document.getElementById('side');
  const svg = stage.querySelector('svg');
  const nodes = data.nodes;
  const edges = data.edges;
  const docs = data.documents;

  // ---- small helpers -------------------------------------------------------------------
  function el(tag, props, children) {
    const element = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'text') element.textContent = value;
      else if (key === 'class') element.className = value;
      else if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
      else element.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children || []) {
      if (child !== null && child !== undefined) element.append(child);
    }
    return element;
  }
  const plural = (count, word, many) => `${count} ${count === 1 ? word : many || word + 's'}`;
  const fold = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const kindOf = (edge) => (edge.kind === 'stance' ? edge.polarity : 'co-mention');
  const shapes = { person: 'oval', country: 'box', organisation: 'hexagon', location: 'octagon', topic: 'note' };
  const verbs = { support: 'supports', oppose: 'opposes' };
  function edgeTitle(edge) {
    const source = nodes[edge.source].label;
    const target = nodes[edge.target].label;
    return edge.kind === 'stance' ? `${source} ${verbs[edge.polarity] || edge.polarity} ${target}` : `${source} and ${target}`;
  }

  // ---- the drawing's elements ------------------------------------------------------------
  const nodeElement = new Map();
  const edgeElement = new Map();
  const incident = nodes.map(() => []);
  edges.forEach((edge, index) => {
    incident[edge.source].push(index);
    if (edge.target !== edge.source) incident[edge.target].push(index);
  });
  // The drawn group of an entity or a tie, made a keyboard-reachable button that names itself.
  function attach(item, index, kind, map, label) {
    const group = item.element && document.getElementById(item.element);
    if (!group) return null;
    map.set(index, group);
    group.dataset[kind] = String(index);
    group.setAttribute('tabindex', '0');
    group.setAttribute('role', 'button');
    group.setAttribute('aria-label', label);
    return group;
  }
  nodes.forEach((node, index) => {
    attach(node, index, 'node', nodeElement, `${node.label}, ${node.type}, ${plural(node.mentions, 'mention')}`);
  });
  edges.forEach((edge, index) => {
    const group = attach(edge, index, 'edge', edgeElement, `${edgeTitle(edge)}, ${plural(edge.weight, 'sentence')}`);
    if (!group) return;
    // A wide transparent copy of the line, so a thin edge is easy to click.
    const line = group.querySelector('path');
    if (line) {
      const hit = line.cloneNode(false);
      hit.setAttribute('class', 'hit');
      hit.removeAttribute('stroke-dasharray');
      line.parentNode.insertBefore(hit, line);
    }
  });

  // ---- pan and zoom (the SVG's viewBox) ------------------------------------------------
  const base = svg.viewBox.baseVal;
  const home = { x: base.x, y: base.y, w: base.width, h: base.height };
  let view = { ...home };
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  function setView(next) {
    view = next;
    svg.setAttribute('viewBox', `${next.x} ${next.y} ${next.w} ${next.h}`);
  }
  function toDrawing(clientX, clientY) {
    const matrix = svg.getScreenCTM();
    if (!matrix) return { x: view.x + view.w / 2, y: view.y + view.h / 2 };
    const point = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
    return { x: point.x, y: point.y };
  }
  function zoomBy(factor, centre) {
    const at = centre || { x: view.x + view.w / 2, y: view.y + view.h / 2 };
    const scale = home.w / (view.w / factor);
    if (scale < 0.5 || scale > 40) return;
    setView({ x: at.x - (at.x - view.x) / factor, y: at.y - (at.y - view.y) / factor, w: view.w / factor, h: view.h / factor });
  }
  function panBy(dx, dy) {
    const box = svg.getBoundingClientRect();
    const units = Math.max(view.w / Math.max(1, box.width), view.h / Math.max(1, box.height));
    setView({ ...view, x: view.x - dx * units, y: view.y - dy * units });
  }
  function centreOn(group) {
    const screen = svg.getScreenCTM();
    const own = group.getScreenCTM();
    if (!screen || !own) return;
    const box = group.getBBox();
    const point = new DOMPoint(box.x + box.width / 2, box.y + box.height / 2).matrixTransform(screen.inverse().multiply(own));
    const w = Math.min(view.w, home.w / 2);
    const h = (w * view.h) / view.w;
    setView({ x: point.x - w / 2, y: point.y - h / 2, w, h });
  }
  stage.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      const step = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
      zoomBy(Math.exp(-step * (event.ctrlKey ? 0.01 : 0.002)), toDrawing(event.clientX, event.clientY));
    },
    { passive: false }
  );
  let drag = null;
  stage.addEventListener('pointerdown', (event) => {
    if (event.button !== 0 || event.target.closest('#zoom')) return;
    drag = { x: event.clientX, y: event.clientY, moved: false, id: event.pointerId };
  });
  stage.addEventListener('pointermove', (event) => {
    if (!drag || drag.id !== event.pointerId) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) {
      drag.moved = true;
      stage.setPointerCapture(event.pointerId);
      stage.classList.add('dragging');
    }
    panBy(dx, dy);
    drag.x = event.clientX;
    drag.y = event.clientY;
  });
  function endDrag(event) {
    if (!drag || drag.id !== event.pointerId) return;
    if (drag.moved) {
      // The click that follows a drag must not select what the pointer ended on.
      const swallow = (click) => {
        click.stopPropagation();
        click.preventDefault();
      };
      window.addEventListener('click', swallow, { capture: true, once: true });
      setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 0);
    }
    stage.classList.remove('dragging');
    drag = null;
  }
  stage.addEventListener('pointerup', endDrag);
  stage.addEventListener('pointercancel', endDrag);
  stage.addEventListener('keydown', (event) => {
    if (event.target.closest('#zoom')) return;
    const moves = { ArrowLeft: [60, 0], ArrowRight: [-60, 0], ArrowUp: [0, 60], ArrowDown: [0, -60] };
    if (event.key === '+' || event.key === '=') zoomBy(1.25);
    else if (event.key === '-' || event.key === '_') zoomBy(0.8);
    else if (event.key === '0') setView({ ...home });
    else if (moves[event.key]) panBy(...moves[event.key]);
    else if (event.key === 'Escape') clearSelection();
    else if ((event.key === 'Enter' || event.key === ' ') && event.target !== stage) {
      activate(event.target);
    } else return;
    event.preventDefault();
  });
  const zoomBar = document.getElementById('zoom');
  zoomBar.append(
    el('button', { type: 'button', 'aria-label': 'Zoom in', text: '+', onclick: () => zoomBy(1.25) }),
    el('button', { type: 'button', 'aria-label': 'Zoom out', text: '−', onclick: () => zoomBy(0.8) }),
    el('button', { type: 'button', 'aria-label': 'Fit the drawing', text: 'Fit', onclick: () => setView({ ...home }) })
  );

  // ---- filters ---------------------------------------------------------------------------
  const filter = {
    kinds: { 'co-mention': true, support: true, oppose: true },
    types: {},
    minWeight: 1,
    minConfidence: data.minimumConfidence,
    from: '',
    to: '',
  };
  const dates = docs.map((d) => d.date).filter(Boolean).sort();
  const firstDate = dates[0] || '';
  const lastDate = dates[dates.length - 1] || '';
  filter.from = firstDate;
  filter.to = lastDate;
  const windowed = () => dates.length > 0 && (filter.from > firstDate || filter.to < lastDate);
  const inWindow = (doc) => {
    const date = doc >= 0 ? docs[doc].date : null;
    return !!date && date >= filter.from && date <= filter.to;
  };
  function weightNow(edge) {
    if (!windowed()) return edge.weight;
    return edge.byDocument.reduce((sum, [doc, count]) => sum + (inWindow(doc) ? count : 0), 0);
  }
  function mentionsNow(node) {
    if (!windowed()) return node.mentions;
    return node.byDocument.reduce((sum, [doc, count]) => sum + (inWindow(doc) ? count : 0), 0);
  }
  function nodeShown(index) {
    const node = nodes[index];
    return filter.types[node.type] !== false && (!windowed() || mentionsNow(node) > 0);
  }
  function edgeShown(index) {
    const edge = edges[index];
    if (!filter.kinds[kindOf(edge)]) return false;
    if (edge.kind === 'stance' && (edge.confidence ?? 1) < filter.minConfidence) return false;
    const weight = weightNow(edge);
    return nodeShown(edge.source) && nodeShown(edge.target) && weight >= filter.minWeight && (!windowed() || weight > 0);
  }
  const status = el('p', { class: 'status', role: 'status' });
  function applyFilters() {
    let nodesOn = 0;
    let edgesOn = 0;
    for (const [index, group] of nodeElement) {
      const on = nodeShown(index);
      group.classList.toggle('hidden', !on);
      if (on) nodesOn += 1;
    }
    for (const [index, group] of edgeElement) {
      const on = edgeShown(index);
      group.classList.toggle('hidden', !on);
      if (on) edgesOn += 1;
    }
    status.textContent =
      `Drawn: ${nodesOn} of ${nodeElement.size} entities, ${edgesOn} of ${edgeElement.size} ties. ` +
      `The graph holds ${plural(nodes.length, 'entity', 'entities')} and ${plural(edges.length, 'tie')}; search finds any of them.`;
    highlight(selection);
  }

  // ---- highlight and selection -------------------------------------------------------------
  let selection = null;
  function highlight(target) {
    svg.classList.remove('highlighting');
    for (const lit of svg.querySelectorAll('.lit')) lit.classList.remove('lit');
    if (!target) return;
    const litNodes = new Set();
    const litEdges = new Set();
    if (target.node !== undefined) {
      if (!nodeElement.has(target.node)) return;
      litNodes.add(target.node);
      for (const index of incident[target.node]) {
        if (!edgeElement.has(index) || !edgeShown(index)) continue;
        litEdges.add(index);
        litNodes.add(edges[index].source);
        litNodes.add(edges[index].target);
      }
    } else {
      if (!edgeElement.has(target.edge)) return;
      litEdges.add(target.edge);
      litNodes.add(edges[target.edge].source);
      litNodes.add(edges[target.edge].target);
    }
    svg.classList.add('highlighting');
    for (const index of litNodes) nodeElement.get(index)?.classList.add('lit');
    for (const index of litEdges) edgeElement.get(index)?.classList.add('lit');
  }
  function markSelected() {
    for (const chosen of svg.querySelectorAll('.selected')) chosen.classList.remove('selected');
    if (!selection) return;
    const group = selection.node !== undefined ? nodeElement.get(selection.node) : edgeElement.get(selection.edge);
    group?.classList.add('selected');
  }
  function selectNode(index, centre) {
    selection = { node: index };
    markSelected();
    highlight(selection);
    showNode(index);
    const group = nodeElement.get(index);
    if (centre && group && !group.classList.contains('hidden')) centreOn(group);
  }
  function selectEdge(index) {
    selection = { edge: index };
    markSelected();
    highlight(selection);
    showEdge(index);
  }
  function clearSelection() {
    selection = null;
    markSelected();
    highlight(null);
    panel.replaceChildren(hint());
  }
  function activate(target) {
    const nodeGroup = target.closest('[data-node]');
    if (nodeGroup) return selectNode(Number(nodeGroup.dataset.node), false);
    const edgeGroup = target.closest('[data-edge]');
    if (edgeGroup) return selectEdge(Number(edgeGroup.dataset.edge));
  }
  svg.addEventListener('click', (event) => {
    const picked = event.target.closest('[data-node], [data-edge]');
    if (picked) activate(picked);
    else clearSelection();
  });
  svg.addEventListener('pointerover', (event) => {
    if (drag && drag.moved) return;
    const nodeGroup = event.target.closest('[data-node]');
    if (nodeGroup) highlight({ node: Number(nodeGroup.dataset.node) });
  });
  svg.addEventListener('pointerout', (event) => {
    const nodeGroup = event.target.closest('[data-node]');
    if (nodeGroup && !nodeGroup.contains(event.relatedTarget)) highlight(selection);
  });
  svg.addEventListener('focusin', (event) => {
    const nodeGroup = event.target.closest('[data-node]');
    if (nodeGroup) highlight({ node: Number(nodeGroup.dataset.node) });
  });
  svg.addEventListener('focusout', () => highlight(selection));

  // ---- the details panel ------------------------------------------------------------------
  const panel = el('section', { id: 'panel', 'aria-live': 'polite', 'aria-label': 'Details' });
  const hint = () =>
    el('p', { class: 'muted', text: 'Click an entity or a tie in the drawing, or find one above, to read the sentences behind it.' });
  function documentName(doc) {
    if (doc < 0) return 'a document the graph does not list';
    return docs[doc].title || docs[doc].file;
  }
  function citation(doc, sentence) {
    const parts = [];
    parts.push(documentName(doc));
    if (doc >= 0 && docs[doc].date) parts.push(docs[doc].date);
    const cite = el('cite', {}, [parts.join(' · '), ' · ']);
    if (doc >= 0 && docs[doc].url && /^https?:\/\//i.test(docs[doc].url)) {
      cite.append(el('a', { href: docs[doc].url, target: '_blank', rel: 'noopener noreferrer', text: 'source' }));
      cite.append(` (${docs[doc].file})`);
    } else if (doc >= 0) {
      cite.append(docs[doc].file);
    }
    cite.append(`, sentence ${sentence}`);
    return cite;
  }
  function quoted(text, cue) {
    const quote = el('q');
    const words = (cue || '').split(/\s+/).filter(Boolean).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    if (words.length > 0) {
      const pattern = new RegExp('(?<![\\p{L}\\p{N}])' + words.join('\\s*'), 'iu');
      const found = pattern.exec(text);
      if (found) {
        quote.append(text.slice(0, found.index), el('mark', { text: found[0] }), text.slice(found.index + found[0].length));
        return quote;
      }
    }
    quote.append(text);
    return quote;
  }
  function tieButton(index, from) {
    const edge = edges[index];
    const other = edge.source === from ? edge.target : edge.source;
    let relation = 'mentioned together';
    if (edge.kind === 'stance') {
      relation = edge.source === from ? verbs[edge.polarity] : `is ${edge.polarity === 'support' ? 'supported' : 'opposed'} by`;
    }
    const drawn = edgeElement.has(index) ? '' : ' (not drawn)';
    return el('li', {}, [
      el('button', {
        type: 'button',
        text: `${relation} ${nodes[other].label} · ${plural(weightNow(edge), 'sentence')}${drawn}`,
        onclick: () => selectEdge(index),
      }),
    ]);
  }
  function showNode(index) {
    const node = nodes[index];
    const ties = incident[index]
      .filter((edge) => !windowed() || weightNow(edges[edge]) > 0)
      .sort((a, b) => weightNow(edges[b]) - weightNow(edges[a]) || a - b);
    const byDocument = node.byDocument.filter(([doc]) => !windowed() || inWindow(doc));
    const documentsList = el(
      'ul',
      {},
      byDocument.slice(0, 40).map(([doc, count]) => el('li', {}, [`${count} × `, documentLine(doc)]))
    );
    if (byDocument.length > 40) documentsList.append(el('li', { class: 'muted', text: `and ${byDocument.length - 40} more documents` }));
    panel.replaceChildren(
      el('h2', { text: node.label }),
      el('p', {
        class: 'muted',
        text:
          `${node.type} (${shapes[node.type] || 'shape'}) · ${plural(mentionsNow(node), 'mention')} in ${plural(windowed() ? byDocument.length : node.documents, 'document')}` +
          (nodeElement.has(index) ? '' : ' · not drawn in this view'),
      }),
      el('h3', { text: 'Written as' }),
      el('p', { text: node.aliases.length ? node.aliases.join(' · ') : node.label }),
      el('h3', { text: 'Strongest ties' }),
      ties.length ? el('ul', { class: 'tie-list' }, ties.slice(0, 12).map((edge) => tieButton(edge, index))) : el('p', { class: 'muted', text: 'None.' }),
      el('h3', { text: 'Mentions by document' }),
      documentsList
    );
  }
  function documentLine(doc) {
    const line = el('span', {}, [documentName(doc)]);
    if (doc >= 0 && docs[doc].date) line.append(` (${docs[doc].date})`);
    return line;
  }
  function showEdge(index) {
    const edge = edges[index];
    const weight = weightNow(edge);
    const sentences = edge.evidence.map((quote) => ({ ...data.sentences[quote.i], c: quote.c })).filter((item) => !windowed() || inWindow(item.d));
    const facts = [edge.kind === 'stance' ? `stance: ${edge.polarity}` : 'co-mention', plural(weight, 'sentence')];
    if (edge.kind === 'stance' && edge.confidence !== null && edge.confidence !== undefined) {
      facts.push(`confidence ${edge.confidence.toFixed(2)}`);
    }
    if (!edgeElement.has(index)) facts.push('not drawn in this view');
    const body = [
      el('h2', { text: edgeTitle(edge) }),
      el('p', { class: 'muted', text: facts.join(' · ') }),
      el('p', {}, [
        el('button', { type: 'button', text: nodes[edge.source].label, onclick: () => selectNode(edge.source, true) }),
        ' ',
        el('button', { type: 'button', text: nodes[edge.target].label, onclick: () => selectNode(edge.target, true) }),
      ]),
      el('h3', { text: 'Evidence' }),
    ];
    if (sentences.length < weight) {
      body.push(el('p', { class: 'muted', text: `Showing the ${sentences.length} sentences graph.json keeps of ${weight}.` }));
    }
    for (const item of sentences) {
      body.push(el('div', { class: `sentence ${edge.kind === 'stance' ? edge.polarity : 'co-mention'}` }, [quoted(item.t, item.c), citation(item.d, item.s)]));
    }
    panel.replaceChildren(...body);
  }

  // ---- search ------------------------------------------------------------------------------
  const names = nodes.map((node) => [node.label, ...node.aliases].map(fold));
  const results = el('ul', { id: 'results', role: 'listbox', 'aria-label': 'Matching entities' });
  const search = el('input', {
    id: 'search',
    type: 'search',
    autocomplete: 'off',
    spellcheck: 'false',
    role: 'combobox',
    'aria-controls': 'results',
    'aria-expanded': 'false',
    'aria-autocomplete': 'list',
    placeholder: 'a name, e.g. as written in an article',
  });
  let matches = [];
  let active = -1;
  function rank(index, query) {
    let best = 9;
    for (const name of names[index]) {
      if (name === query) best = Math.min(best, 0);
      else if (name.startsWith(query)) best = Math.min(best, 1);
      else if (name.includes(' ' + query) || name.includes('-' + query)) best = Math.min(best, 2);
      else if (name.includes(query)) best = Math.min(best, 3);
    }
    return best;
  }
  function showMatches() {
    results.replaceChildren(
      ...matches.map((index, position) => {
        const node = nodes[index];
        const extra = [node.type, plural(node.mentions, 'mention')];
        if (!nodeElement.has(index)) extra.push('not drawn');
        return el('li', {
          id: `match-${position}`,
          role: 'option',
          'aria-selected': position === active ? 'true' : 'false',
          text: `${node.label} — ${extra.join(', ')}`,
          onclick: () => pick(index),
        });
      })
    );
    search.setAttribute('aria-expanded', matches.length ? 'true' : 'false');
    if (active >= 0) search.setAttribute('aria-activedescendant', `match-${active}`);
    else search.removeAttribute('aria-activedescendant');
  }
  function pick(index) {
    matches = [];
    active = -1;
    showMatches();
    selectNode(index, true);
  }
  search.addEventListener('input', () => {
    const query = fold(search.value.trim());
    active = -1;
    if (!query) {
      matches = [];
      return showMatches();
    }
    const found = [];
    for (let index = 0; index < nodes.length; index += 1) {
      const score = rank(index, query);
      if (score < 9) found.push([score, nodeElement.has(index) ? 0 : 1, -nodes[index].mentions, index]);
    }
    found.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]);
    matches = found.slice(0, 10).map((entry) => entry[3]);
    showMatches();
  });
  search.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && matches.length) active = (active + 1) % matches.length;
    else if (event.key === 'ArrowUp' && matches.length) active = (active - 1 + matches.length) % matches.length;
    else if (event.key === 'Enter' && matches.length) return pick(matches[Math.max(0, active)]);
    else if (event.key === 'Escape') {
      matches = [];
      active = -1;
    } else return;
    event.preventDefault();
    showMatches();
  });

  // ---- filter controls and legend -------------------------------------------------------
  function checkbox(label, checked, onchange, swatch) {
    const box = el('input', { type: 'checkbox', checked });
    box.addEventListener('change', () => onchange(box.checked));
    return el('label', {}, [box, swatch, label]);
  }
  function range(label, min, max, step, value, format, onchange) {
    const output = el('output', { text: format(value) });
    const slider = el('input', { type: 'range', min, max, step, value, 'aria-label': label });
    slider.addEventListener('input', () => {
      output.textContent = format(Number(slider.value));
      onchange(Number(slider.value));
    });
    return el('label', {}, [`${label} `, slider, ' ', output]);
  }
  const kinds = new Set(edges.filter((_, index) => edgeElement.has(index)).map(kindOf));
  const kindNames = { 'co-mention': 'mentioned together', support: 'supports', oppose: 'opposes' };
  const kindColours = { 'co-mention': data.colours.coMention, support: data.colours.support, oppose: data.colours.oppose };
  const kindBoxes = ['co-mention', 'support', 'oppose']
    .filter((kind) => kinds.has(kind))
    .map((kind) => {
      const swatch = el('span', { class: `swatch ${kind}`, 'aria-hidden': 'true' });
      swatch.style.borderTopColor = kindColours[kind];
      return checkbox(kindNames[kind], true, (on) => {
        filter.kinds[kind] = on;
        applyFilters();
      }, swatch);
    });
  const types = [...new Set(nodes.filter((_, index) => nodeElement.has(index)).map((node) => node.type))];
  const typeBoxes = types.map((type) => {
    const chip = el('span', { class: 'chip', 'aria-hidden': 'true' });
    chip.style.background = data.colours.types[type] || '#ffffff';
    return checkbox(`${type} (${shapes[type] || 'shape'})`, true, (on) => {
      filter.types[type] = on;
      applyFilters();
    }, chip);
  });
  const drawnWeights = [...edgeElement.keys()].map((index) => edges[index].weight);
  const maxWeight = Math.max(1, ...drawnWeights);
  const controls = [
    el('fieldset', {}, [el('legend', { text: 'Ties (line style)' }), ...kindBoxes]),
    range('Fewest sentences', 1, maxWeight, 1, 1, (v) => String(v), (v) => {
      filter.minWeight = v;
      applyFilters();
    }),
  ];
  if (kinds.has('support') || kinds.has('oppose')) {
    controls.push(
      range('Lowest stance confidence', 0, 1, 0.05, data.minimumConfidence, (v) => v.toFixed(2), (v) => {
        filter.minConfidence = v;
        applyFilters();
      })
    );
  }
  controls.push(el('fieldset', {}, [el('legend', { text: 'Entities (fill and shape)' }), ...typeBoxes]));
  if (dates.length) {
    const from = el('input', { type: 'date', min: firstDate, max: lastDate, value: firstDate, 'aria-label': 'From' });
    const to = el('input', { type: 'date', min: firstDate, max: lastDate, value: lastDate, 'aria-label': 'To' });
    const update = () => {
      filter.from = from.value || firstDate;
      filter.to = to.value || lastDate;
      applyFilters();
      if (selection && selection.node !== undefined) showNode(selection.node);
      else if (selection) showEdge(selection.edge);
    };
    from.addEventListener('change', update);
    to.addEventListener('change', update);
    const undated = docs.length - dates.length;
    controls.push(
      el('fieldset', {}, [
        el('legend', { text: 'Time window' }),
        el('label', {}, ['From ', from]),
        el('label', {}, ['To ', to]),
        undated ? el('p', { class: 'muted', text: `${plural(undated, 'undated document')} leave the view when the window is narrowed.` }) : null,
      ])
    );
  }
  controls.push(status);

  // ---- download the current view ---------------------------------------------------------
  function currentSVG() {
    const copy = svg.cloneNode(true);
    for (const gone of copy.querySelectorAll('.hidden, .hit')) gone.remove();
    copy.classList.remove('highlighting');
    if (!copy.getAttribute('class')) copy.removeAttribute('class');
    for (const marked of copy.querySelectorAll('[tabindex]')) {
      for (const name of ['tabindex', 'role', 'aria-label', 'data-node', 'data-edge']) marked.removeAttribute(name);
      marked.classList.remove('lit', 'selected');
    }
    const box = svg.getBoundingClientRect();
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    copy.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
    copy.setAttribute('width', String(Math.round(box.width)));
    copy.setAttribute('height', String(Math.round(box.height)));
    return { text: new XMLSerializer().serializeToString(copy), width: box.width, height: box.height };
  }
  function save(blob, name) {
    const link = el('a', { href: URL.createObjectURL(blob), download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 5000);
  }
  function downloadSVG() {
    save(new Blob([currentSVG().text], { type: 'image/svg+xml' }), 'plexus-view.svg');
  }
  function downloadPNG() {
    const drawing = currentSVG();
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(drawing.width * 2);
      canvas.height = Math.round(drawing.height * 2);
      const context = canvas.getContext('2d');
      context.fillStyle = data.colours.background;
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => blob && save(blob, 'plexus-view.png'), 'image/png');
    };
    image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(drawing.text);
  }

  // ---- assemble the side bar -----------------------------------------------------------------
  side.append(
    el('section', { class: 'search-box' }, [el('label', { for: 'search', text: 'Find an entity by any name it is written as' }), search, results]),
    panel,
    el('details', { class: 'filters', open: true }, [el('summary', { text: 'Filters and legend' }), ...controls]),
    el('section', {}, [
      el('h3', { text: 'Download this view' }),
      el('button', { type: 'button', text: 'SVG', onclick: downloadSVG }),
      ' ',
      el('button', { type: 'button', text: 'PNG', onclick: downloadPNG }),
    ])
  );
  document.documentElement.style.setProperty('--canvas', data.colours.background);
  panel.append(hint());
  applyFilters();
  document.documentElement.dataset.plexusReady = 'true';
})();
