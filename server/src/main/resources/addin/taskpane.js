/*
 * 决算助手 task pane. ES5 only (no arrow functions, let/const, template strings, async, fetch): Office 2016/2019
 * volume editions show this pane in IE11. Excel access is in the `excel` adapter; everything else is host-neutral.
 */
(function () {
  'use strict';

  var API = {
    validate: '/api/validate',
    annotated: '/api/validate/annotated',
    read: '/api/read',
    profiles: '/api/profiles',
    blank: '/api/templates/blank',
    carryForward: '/api/carry-forward'
  };
  var XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  var SEVERITIES = [
    { code: 'error', label: '错误', fill: '#FFC7CE' },
    { code: 'warning', label: '提示', fill: '#FFEB9C' },
    { code: 'info', label: '信息', fill: '#DDEBF7' }
  ];
  var MARKS_SETTING = 'juesuan.marks';
  var TOKEN_KEY = 'juesuan.accessToken';
  var BATCH = 500;          // ranges per sync
  var ADDRESSES_PER_CALL = 100; // cells per getRanges() call
  var SLICE = 4194304;      // getFileAsync slice size (the maximum)

  var state = { inExcel: false, report: null, marks: null, busy: false, file: null, token: null };

  function $(id) { return document.getElementById(id); }

  function promise(executor) {
    var P = window.Promise || (window.OfficeExtension && window.OfficeExtension.Promise);
    return new P(executor);
  }

  function resolved(value) { return promise(function (resolve) { resolve(value); }); }

  // --- server calls -------------------------------------------------------------------------------------------

  /** XHR as a promise: resolves {status, body} (body as responseType), rejects with a user-facing Error. */
  function request(method, url, body, contentType, responseType) {
    return promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open(method, url, true);
      xhr.responseType = responseType || 'text';
      if (contentType) { xhr.setRequestHeader('Content-Type', contentType); }
      xhr.sentToken = !!state.token;
      if (state.token) { xhr.setRequestHeader('Authorization', 'Bearer ' + state.token); }
      xhr.onload = function () {
        if (xhr.status >= 200 && xhr.status < 300) {
          resolve({ status: xhr.status, body: xhr.response, xhr: xhr });
        } else {
          if (xhr.status === 401) { askToken(xhr.sentToken); }
          serverError(xhr).then(reject);
        }
      };
      xhr.onerror = function () { reject(new Error(unreachable())); };
      xhr.ontimeout = xhr.onerror;
      xhr.send(body === undefined ? null : body);
    });
  }

  function getJson(url) {
    return request('GET', url).then(function (r) { return JSON.parse(r.body); });
  }

  function unreachable() {
    return '无法连接决算助手服务器（' + location.protocol + '//' + location.host + '）。\n' +
      '请确认服务器已启动、网络可达；若在浏览器中打开本地址时提示“证书不受信任”，需按《使用帮助》安装并信任服务器证书。';
  }

  /** The Chinese message of an error response ({code, message} JSON), with plain words for the common cases. */
  function serverError(xhr) {
    function message(text) {
      var j = null;
      try { j = JSON.parse(text); } catch (e) { j = null; }
      if (xhr.status === 413) {
        return '工作簿太大，超过了服务器允许的上限。' + (j && j.message ? '（' + j.message + '）' : '') +
          '\n可删去无关的工作表后再试，或请管理员调高上限。';
      }
      if (xhr.status === 401) {
        return xhr.sentToken ? '访问令牌不正确：请在上方重新输入后再试。' : '服务器要求访问令牌：请在上方输入管理员提供的令牌后再试。';
      }
      if (j && j.message) { return j.message; }
      if (xhr.status === 404) { return '服务器上没有这个功能（' + xhr.status + '）：服务器版本可能较旧，请联系管理员升级。'; }
      if (xhr.status >= 500) { return '服务器内部错误（' + xhr.status + '），请联系管理员查看服务器日志。'; }
      return '请求失败（HTTP ' + xhr.status + '）。';
    }
    return promise(function (resolve) {
      if (xhr.responseType === 'arraybuffer' && xhr.response) {
        var reader = new FileReader();
        reader.onload = function () { resolve(new Error(message(String(reader.result)))); };
        reader.onerror = function () { resolve(new Error(message(''))); };
        reader.readAsText(new Blob([xhr.response]));
      } else {
        resolve(new Error(message(xhr.responseType === 'text' || xhr.responseType === '' ? xhr.responseText : '')));
      }
    });
  }

  /** POST a workbook ({kind: 'xlsx', data: Blob} or {kind: 'json', data: object}) and parse the JSON answer. */
  function postWorkbook(url, wb) {
    var p = wb.kind === 'xlsx' ? request('POST', url, wb.data, XLSX)
      : request('POST', url, JSON.stringify(wb.data), 'application/json');
    return p.then(function (r) { return JSON.parse(r.body); });
  }

  function query(params) {
    var parts = [];
    for (var k in params) {
      if (Object.prototype.hasOwnProperty.call(params, k) && params[k] !== null && params[k] !== undefined && params[k] !== '') {
        parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(params[k]));
      }
    }
    return parts.length ? '?' + parts.join('&') : '';
  }

  // --- access token: asked for in the pane when the server answers 401, then kept on this computer -----------

  /**
   * localStorage under Office's partition key where the host partitions storage (Excel on the web), as Microsoft
   * advises ("Persist add-in state and settings", office-js-docs-pr docs/develop/persisting-add-in-state-and-settings.md).
   * Not Office.context.document.settings: those are saved inside the workbook and travel with the file.
   */
  function tokenKey() {
    var partition = window.Office && Office.context && Office.context.partitionKey;
    return (partition || '') + TOKEN_KEY;
  }

  function loadToken() {
    try { state.token = window.localStorage.getItem(tokenKey()) || null; } catch (e) { state.token = null; }
    show($('token-change'), !!state.token);
  }

  function saveToken(token) {
    state.token = token || null;
    try {
      if (state.token) { window.localStorage.setItem(tokenKey(), state.token); } else { window.localStorage.removeItem(tokenKey()); }
    } catch (e) { /* storage blocked: the token lasts while the pane is open */ }
    show($('token-change'), !!state.token);
  }

  function askToken(wrong) {
    text($('token-text'), wrong ? '访问令牌不正确，请重新输入（区分大小写）。'
      : '本单位的决算助手服务器要求访问令牌。请输入管理员提供的令牌，保存后这台电脑上的面板会记住它。');
    show($('token-forget'), !!state.token);
    show($('token-box'), true);
    $('token-input').value = '';
    $('token-input').focus();
  }

  /** Saves the entered token and checks it at once (GET /api/profiles, which also fills the 表样 list). */
  function submitToken() {
    var token = String($('token-input').value).trim();
    if (!token) { text($('token-text'), '请输入访问令牌。'); return resolved(null); }
    saveToken(token);
    show($('token-box'), false);
    error('');
    return loadProfiles().then(function (ok) { if (ok) { notice('已保存访问令牌。'); } });
  }

  function forgetToken() {
    saveToken(null);
    show($('token-box'), false);
    notice('已清除这台电脑上保存的访问令牌。');
  }

  function changeToken() {
    text($('token-text'), '已保存访问令牌。可以输入新的令牌替换它，或清除已保存的令牌。');
    show($('token-forget'), true);
    show($('token-box'), true);
    $('token-input').value = '';
    $('token-input').focus();
  }

  // --- UI helpers ---------------------------------------------------------------------------------------------

  function show(el, on) { if (on) { el.removeAttribute('hidden'); } else { el.setAttribute('hidden', ''); } }

  function text(el, s) { el.textContent = s; return el; }

  function node(tag, cls, content) {
    var el = document.createElement(tag);
    if (cls) { el.className = cls; }
    if (content !== undefined) { el.textContent = content; }
    return el;
  }

  function error(message) {
    text($('error'), message);
    show($('error'), !!message);
  }

  function notice(message) {
    text($('notice'), message || '');
    show($('notice'), !!message);
  }

  /** Runs task() with the progress indicator and buttons disabled; failures end up in the error box. */
  function busy(label, task) {
    if (state.busy) { return resolved(null); }
    state.busy = true;
    error('');
    text($('busy-text'), label);
    show($('busy'), true);
    var buttons = document.querySelectorAll('.actions button');
    for (var i = 0; i < buttons.length; i++) { buttons[i].disabled = true; }
    function done() {
      state.busy = false;
      show($('busy'), false);
      for (var j = 0; j < buttons.length; j++) { buttons[j].disabled = false; }
      updateMarkButtons();
    }
    var p;
    try { p = task(); } catch (e) { p = promise(function (resolve, reject) { reject(e); }); }
    return p.then(function (v) { done(); return v; }, function (e) {
      done();
      error(describe(e));
      if (window.console) { window.console.error(e); }
      return null;
    });
  }

  function describe(e) {
    if (!e) { return '出错了。'; }
    if (e.code && e.message && window.OfficeExtension && e instanceof window.OfficeExtension.Error) {
      return 'Excel 报告错误：' + e.message + '（' + e.code + '）';
    }
    return e.message || String(e);
  }

  function selectTab(name) {
    var tabs = document.querySelectorAll('.tabs button');
    for (var i = 0; i < tabs.length; i++) {
      var on = tabs[i].getAttribute('data-panel') === name;
      tabs[i].className = on ? 'active' : '';
      tabs[i].setAttribute('aria-selected', on ? 'true' : 'false');
      show($('panel-' + tabs[i].getAttribute('data-panel')), on);
    }
  }

  function fmt(n) {
    if (n === null || n === undefined) { return '—'; }
    var x = Number(n);
    return isNaN(x) ? String(n) : x.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }

  // --- addresses ----------------------------------------------------------------------------------------------

  /** "B7" on the finding's sheet, or "'表 2'!B7" on another sheet → {sheet, address}. */
  function cellRef(defaultSheet, cell) {
    var bang = cell.lastIndexOf('!');
    if (bang < 0) { return { sheet: defaultSheet, address: cell }; }
    var sheet = cell.substring(0, bang);
    if (sheet.charAt(0) === "'" && sheet.charAt(sheet.length - 1) === "'") {
      sheet = sheet.substring(1, sheet.length - 1).replace(/''/g, "'");
    }
    return { sheet: sheet, address: cell.substring(bang + 1) };
  }

  function quoteSheet(name) { return "'" + name.replace(/'/g, "''") + "'"; }

  function severityOf(code) {
    for (var i = 0; i < SEVERITIES.length; i++) { if (SEVERITIES[i].code === code) { return SEVERITIES[i]; } }
    return SEVERITIES[2];
  }

  // --- Excel adapter ------------------------------------------------------------------------------------------

  var excel = {
    supports: function (set, version) {
      return !!(window.Office && Office.context && Office.context.requirements &&
        Office.context.requirements.isSetSupported(set, version));
    },

    /** The open workbook: the .xlsx file itself when the host can give it, else the used ranges' values. */
    readWorkbook: function () {
      if (!excel.supports('CompressedFile') || !Office.context.document.getFileAsync) {
        return excel.readUsedRanges();
      }
      return excel.readFile().then(null, function () { return excel.readUsedRanges(); });
    },

    readFile: function () {
      return promise(function (resolve, reject) {
        Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize: SLICE }, function (r) {
          if (r.status !== Office.AsyncResultStatus.Succeeded) { reject(r.error); return; }
          var file = r.value;
          var parts = [];
          function next(i) {
            file.getSliceAsync(i, function (s) {
              if (s.status !== Office.AsyncResultStatus.Succeeded) { file.closeAsync(); reject(s.error); return; }
              parts.push(new Uint8Array(s.value.data));
              if (i + 1 < file.sliceCount) { next(i + 1); } else {
                file.closeAsync();
                resolve({ kind: 'xlsx', data: new Blob(parts, { type: XLSX }) });
              }
            });
          }
          next(0);
        });
      });
    },

    /** {sheets: [{name, address, values}]}, one sync per sheet to stay under Excel on the web's 5 MB per call. */
    readUsedRanges: function () {
      return Excel.run(function (ctx) {
        var sheets = ctx.workbook.worksheets;
        sheets.load('items/name');
        var out = [];
        return ctx.sync().then(function () {
          var chain = resolved(null);
          sheets.items.forEach(function (ws) {
            chain = chain.then(function () {
              var used = ws.getUsedRange();
              used.load('address,values');
              return ctx.sync().then(function () {
                out.push({ name: ws.name, address: used.address, values: used.values });
              });
            });
          });
          return chain.then(function () { return { kind: 'json', data: { sheets: out } }; });
        });
      });
    },

    select: function (sheet, address) {
      return Excel.run(function (ctx) {
        var ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate(); // select() on an inactive sheet is unreliable
        ws.getRange(address).select();
        return ctx.sync();
      });
    },

    /** Colours cells [{sheet, address, fill}]; returns their original fills [{sheet, address, fill}]. */
    mark: function (cells) {
      return Excel.run(function (ctx) {
        var originals = [];
        var chain = resolved(null);
        chunks(cells, BATCH).forEach(function (chunk) {
          chain = chain.then(function () {
            var ranges = chunk.map(function (c) {
              var r = ctx.workbook.worksheets.getItem(c.sheet).getRange(c.address);
              r.format.fill.load('color');
              return r;
            });
            return ctx.sync().then(function () {
              chunk.forEach(function (c, i) {
                originals.push({ sheet: c.sheet, address: c.address, fill: ranges[i].format.fill.color });
              });
            });
          });
        });
        return chain.then(function () { return excel.paint(ctx, cells); }).then(function () { return originals; });
      });
    },

    /** Sets each cell's fill (null or #FFFFFF clears it), grouped per sheet and colour, in batches. */
    paint: function (ctx, cells) {
      var groups = {};
      var order = [];
      cells.forEach(function (c) {
        var fill = !c.fill || c.fill.toUpperCase() === '#FFFFFF' ? '' : c.fill;
        var key = c.sheet + '\u0000' + fill;
        if (!groups[key]) { groups[key] = { sheet: c.sheet, fill: fill, addresses: [] }; order.push(key); }
        groups[key].addresses.push(c.address);
      });
      var areas = excel.supports('ExcelApi', '1.9');
      var ops = [];
      order.forEach(function (key) {
        var g = groups[key];
        var size = areas ? ADDRESSES_PER_CALL : 1;
        chunks(g.addresses, size).forEach(function (addrs) { ops.push({ sheet: g.sheet, fill: g.fill, addresses: addrs }); });
      });
      var chain = resolved(null);
      chunks(ops, BATCH).forEach(function (batch) {
        chain = chain.then(function () {
          if (areas) { ctx.application.suspendScreenUpdatingUntilNextSync(); }
          batch.forEach(function (op) {
            var ws = ctx.workbook.worksheets.getItem(op.sheet);
            var target = areas ? ws.getRanges(op.addresses.join(',')) : ws.getRange(op.addresses[0]);
            if (op.fill) { target.format.fill.color = op.fill; } else { target.format.fill.clear(); }
          });
          return ctx.sync();
        });
      });
      return chain;
    },

    unmark: function (originals) {
      return Excel.run(function (ctx) { return excel.paint(ctx, originals); });
    },

    /** A sheet 校验结果 listing the findings, each with a hyperlink to its cell. */
    writeResultsSheet: function (report) {
      var name = '校验结果';
      return Excel.run(function (ctx) {
        var sheets = ctx.workbook.worksheets;
        sheets.load('items/name');
        return ctx.sync().then(function () {
          sheets.items.forEach(function (ws) { if (ws.name === name) { ws['delete'](); } });
          var ws = sheets.add(name);
          var rows = [['序号', '严重程度', '表', '单元格', '行', '列', '填报数', '计算数', '差额', '说明', '规则']];
          report.findings.forEach(function (f, i) {
            var cell = f.cells && f.cells.length ? cellRef(f.sheet, f.cells[0]) : null;
            var link = cell ? '=HYPERLINK("#' + quoteSheet(cell.sheet).replace(/"/g, '""') + '!' + cell.address + '","' +
              (cell.sheet + '!' + cell.address).replace(/"/g, '""') + '")' : '';
            rows.push([i + 1, severityOf(f.severity).label, asText(f.tableTitle || f.table || ''), link,
              asText(f.rowLabel || ''), asText(f.columnLabel || ''), num(f.reported), num(f.computed), num(f.difference),
              asText(f.message), asText(f.ruleId)]);
          });
          var range = ws.getRange('A1').getResizedRange(rows.length - 1, rows[0].length - 1);
          range.formulas = rows;
          ws.getRange('A1:K1').format.font.bold = true;
          ws.activate();
          return ctx.sync();
        });
      });
    },

    /** Sheet and row operations [{op: addSheet | insertRows | deleteRows, sheet, row, count}], in order. */
    applyOperations: function (operations) {
      if (!operations.length) { return resolved(null); }
      return Excel.run(function (ctx) {
        operations.forEach(function (o) {
          if (o.op === 'addSheet') { ctx.workbook.worksheets.add(o.sheet); return; }
          var rows = o.row + ':' + (o.row + o.count - 1);
          var range = ctx.workbook.worksheets.getItem(o.sheet).getRange(rows);
          if (o.op === 'insertRows') { range.insert('Down'); } else if (o.op === 'deleteRows') { range['delete']('Up'); } else {
            throw new Error('服务器给出了不认识的操作：' + o.op);
          }
        });
        return ctx.sync();
      });
    },

    /** Applies cell writes [{sheet, address, value | formula}] in row runs, many ranges per sync. */
    applyWrites: function (writes) {
      var runs = rowRuns(writes);
      return Excel.run(function (ctx) {
        var calc = excel.supports('ExcelApi', '1.6');
        var chain = resolved(null);
        chunks(runs, BATCH).forEach(function (batch) {
          chain = chain.then(function () {
            if (calc) { ctx.application.suspendApiCalculationUntilNextSync(); }
            batch.forEach(function (run) {
              ctx.workbook.worksheets.getItem(run.sheet).getRange(run.address).formulas = [run.cells];
            });
            return ctx.sync();
          });
        });
        return chain.then(function () { return { cells: writes.length, ranges: runs.length }; });
      });
    },

    createWorkbook: function (base64) {
      return Excel.createWorkbook(base64);
    }
  };

  function chunks(list, size) {
    var out = [];
    for (var i = 0; i < list.length; i += size) { out.push(list.slice(i, i + size)); }
    return out;
  }

  /** Text that Excel must not turn into a number, date or formula gets the ' prefix, as when typed. */
  function asText(s) {
    s = s === null || s === undefined ? '' : String(s);
    if (/^[=+\-@']/.test(s) || (s.trim() !== '' && !isNaN(Number(s))) || /^\d{1,4}[\-\/年.]\d/.test(s)) { return "'" + s; }
    return s;
  }

  function num(v) { return v === null || v === undefined ? '' : Number(v); }

  function cellValue(w) {
    if (w.formula !== undefined && w.formula !== null) { return w.formula; }
    if (w.value === null || w.value === undefined) { return ''; }
    return typeof w.value === 'string' ? asText(w.value) : w.value;
  }

  /** Cell writes grouped into horizontal runs of adjacent cells: {sheet, address "B7:F7", cells [...]}. */
  function rowRuns(writes) {
    var parsed = writes.map(function (w) {
      var m = /^\$?([A-Z]+)\$?(\d+)$/.exec(String(w.address).toUpperCase());
      if (!m) { throw new Error('服务器给出的单元格地址无法识别：' + w.address); }
      return { sheet: w.sheet, col: colNumber(m[1]), row: Number(m[2]), value: cellValue(w) };
    });
    parsed.sort(function (a, b) {
      return a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.row - b.row || a.col - b.col;
    });
    var runs = [];
    var cur = null;
    parsed.forEach(function (p) {
      if (cur && cur.sheet === p.sheet && cur.row === p.row && cur.lastCol + 1 === p.col) {
        cur.cells.push(p.value);
        cur.lastCol = p.col;
      } else if (!(cur && cur.sheet === p.sheet && cur.row === p.row && cur.lastCol === p.col)) {
        cur = { sheet: p.sheet, row: p.row, firstCol: p.col, lastCol: p.col, cells: [p.value] };
        runs.push(cur);
      } else {
        cur.cells[cur.cells.length - 1] = p.value; // the same cell twice: the later write wins
      }
    });
    return runs.map(function (r) {
      var a = colName(r.firstCol) + r.row;
      return { sheet: r.sheet, address: r.firstCol === r.lastCol ? a : a + ':' + colName(r.lastCol) + r.row, cells: r.cells };
    });
  }

  function colNumber(letters) {
    var n = 0;
    for (var i = 0; i < letters.length; i++) { n = n * 26 + letters.charCodeAt(i) - 64; }
    return n;
  }

  function colName(n) {
    var s = '';
    while (n > 0) { var r = (n - 1) % 26; s = String.fromCharCode(65 + r) + s; n = Math.floor((n - 1) / 26); }
    return s;
  }

  // --- marks survive a pane reload: kept in the workbook's add-in settings ------------------------------------

  function saveMarks(marks) {
    state.marks = marks;
    var settings = state.inExcel && Office.context.document.settings;
    if (!settings) { return resolved(null); }
    if (marks) { settings.set(MARKS_SETTING, JSON.stringify(marks)); } else { settings.remove(MARKS_SETTING); }
    return promise(function (resolve) { settings.saveAsync(function () { resolve(null); }); });
  }

  function loadMarks() {
    var settings = state.inExcel && Office.context.document.settings;
    var raw = settings ? settings.get(MARKS_SETTING) : null;
    try { state.marks = raw ? JSON.parse(raw) : null; } catch (e) { state.marks = null; }
  }

  function updateMarkButtons() {
    var has = !!(state.report && state.report.findings.length);
    $('mark').disabled = !state.inExcel || !has || state.busy;
    $('write-sheet').disabled = !state.inExcel || !has || state.busy;
    $('unmark').disabled = !state.inExcel || !state.marks || state.busy;
  }

  // --- 校验 ---------------------------------------------------------------------------------------------------

  function validateOpen() {
    return busy('正在读取工作簿…', function () {
      return excel.readWorkbook().then(function (wb) {
        text($('busy-text'), '正在校验…');
        return postWorkbook(API.validate, wb);
      }).then(showReport);
    });
  }

  function validateFile(file) {
    state.file = file;
    return busy('正在校验…', function () {
      return postWorkbook(API.validate, { kind: 'xlsx', data: file }).then(showReport);
    });
  }

  /** Outside Excel: the chosen file back with offending cells coloured, comments and a 校验结果 sheet. */
  function downloadAnnotated() {
    var file = state.file;
    return busy('正在生成标注副本…', function () {
      return request('POST', API.annotated, file, XLSX, 'arraybuffer').then(function (r) {
        download(r.body, fileName(r.xhr, file.name.replace(/\.xlsx$/i, '') + '（校验标注）.xlsx'));
      });
    });
  }

  function showReport(report) {
    state.report = report;
    var c = report.counts || { error: 0, warning: 0, info: 0 };
    var summary = $('summary');
    summary.innerHTML = '';
    var total = report.findings.length;
    if (total === 0) {
      summary.className = 'summary ok';
      text(summary, '没有发现问题。' + (report.unit ? '（' + report.unit + (report.year ? ' ' + report.year + ' 年度' : '') + '）' : ''));
    } else {
      summary.className = 'summary';
      summary.appendChild(node('span', '', '共 ' + total + ' 处：'));
      SEVERITIES.forEach(function (s) {
        var b = node('span', 'badge sev-' + s.code, s.label + ' ' + (c[s.code] || 0));
        b.setAttribute('data-count', s.code);
        summary.appendChild(b);
      });
    }
    renderFindings(report.findings);
    show($('result'), true);
    show($('mark-actions'), total > 0);
    show($('mark'), state.inExcel);
    show($('unmark'), state.inExcel);
    show($('write-sheet'), state.inExcel);
    show($('download-annotated'), !state.inExcel && !!state.file);
    updateMarkButtons();
  }

  /** Findings grouped by severity, then by table, in report order (sheet, row, column). */
  function renderFindings(findings) {
    var box = $('findings');
    box.innerHTML = '';
    SEVERITIES.forEach(function (s) {
      var ofSeverity = findings.filter(function (f) { return f.severity === s.code; });
      if (!ofSeverity.length) { return; }
      var h = node('h2', 'sev sev-' + s.code, s.label + '（' + ofSeverity.length + '）');
      box.appendChild(h);
      var tables = [];
      var byTable = {};
      ofSeverity.forEach(function (f) {
        var key = f.tableTitle || f.table || '整个工作簿';
        if (!byTable[key]) { byTable[key] = []; tables.push(key); }
        byTable[key].push(f);
      });
      tables.forEach(function (t) {
        var th = node('h3', 'table', t + ' ');
        th.appendChild(node('span', 'count', '（' + byTable[t].length + '）'));
        box.appendChild(th);
        var ul = node('ul', 'findings');
        byTable[t].forEach(function (f) { ul.appendChild(findingItem(f)); });
        box.appendChild(ul);
      });
    });
  }

  function findingItem(f) {
    var li = node('li', 'finding f-' + f.severity);
    li.setAttribute('tabindex', '0');
    li.setAttribute('data-rule', f.ruleId);
    var first = f.cells && f.cells.length ? cellRef(f.sheet, f.cells[0]) : null;
    if (first) {
      li.setAttribute('data-sheet', first.sheet);
      li.setAttribute('data-cell', first.address);
    }
    var head = node('div', 'head');
    if (first) { head.appendChild(node('span', 'where', first.address)); }
    var label = [f.rowLabel, f.columnLabel].filter(function (x) { return !!x; }).join(' / ');
    if (label) { head.appendChild(node('span', 'label', label)); }
    li.appendChild(head);
    li.appendChild(node('div', 'msg', f.message));
    if (f.reported !== undefined && f.reported !== null || f.computed !== undefined && f.computed !== null) {
      var nums = node('div', 'nums');
      nums.appendChild(document.createTextNode('填报 '));
      nums.appendChild(node('b', '', fmt(f.reported)));
      nums.appendChild(document.createTextNode('，应为 '));
      nums.appendChild(node('b', '', fmt(f.computed)));
      if (f.difference !== undefined && f.difference !== null) {
        nums.appendChild(document.createTextNode('，相差 '));
        nums.appendChild(node('b', '', fmt(f.difference)));
      }
      li.appendChild(nums);
    }
    function go() {
      if (!first) { return; }
      if (!state.inExcel) { notice('在 Excel 中打开本面板时，点击问题可跳到单元格 ' + first.sheet + '!' + first.address + '。'); return; }
      excel.select(first.sheet, first.address).then(null, function (e) { error('无法跳到 ' + first.sheet + '!' + first.address + '：' + describe(e)); });
    }
    li.addEventListener('click', go);
    li.addEventListener('keydown', function (e) { if (e.keyCode === 13) { go(); } });
    return li;
  }

  /** Every cell a finding names, coloured by its most serious finding. */
  function cellsToMark(report) {
    var rank = { error: 0, warning: 1, info: 2 };
    var byCell = {};
    var order = [];
    report.findings.forEach(function (f) {
      (f.cells || []).forEach(function (c) {
        var ref = cellRef(f.sheet, c);
        var key = ref.sheet + '!' + ref.address;
        if (!byCell[key]) { order.push(key); byCell[key] = { sheet: ref.sheet, address: ref.address, severity: f.severity }; }
        else if (rank[f.severity] < rank[byCell[key].severity]) { byCell[key].severity = f.severity; }
      });
    });
    return order.map(function (k) {
      var c = byCell[k];
      return { sheet: c.sheet, address: c.address, fill: severityOf(c.severity).fill };
    });
  }

  function mark() {
    return busy('正在标注…', function () {
      var cells = cellsToMark(state.report);
      var before = state.marks ? excel.unmark(state.marks) : resolved(null); // never take our own colours for originals
      return before.then(function () { return excel.mark(cells); }).then(saveMarks).then(function () {
        notice('已标注 ' + cells.length + ' 个单元格：红色为错误，黄色为提示，蓝色为信息。“清除标注”可恢复原来的底色。');
      });
    });
  }

  function unmark() {
    return busy('正在清除标注…', function () {
      var n = state.marks ? state.marks.length : 0;
      return excel.unmark(state.marks || []).then(function () { return saveMarks(null); }).then(function () {
        notice('已恢复 ' + n + ' 个单元格原来的底色。');
      });
    });
  }

  function writeSheet() {
    return busy('正在写入“校验结果”表…', function () {
      return excel.writeResultsSheet(state.report).then(function () {
        notice('已写入“校验结果”表（' + state.report.findings.length + ' 条），单元格一栏可点击跳转。');
      });
    });
  }

  // --- 从上年填充 ---------------------------------------------------------------------------------------------

  /**
   * Last year's workbook (server archive by this workbook's unit and year, or a chosen file) carried into the open
   * workbook: POST /api/carry-forward?format=writes answers sheet/row operations and cell writes, applied here.
   */
  function fill() {
    var source = document.querySelector('input[name=fill-source]:checked').value;
    var file = $('fill-file').files && $('fill-file').files[0];
    if (source === 'file' && !file) { error('请先选择上年的工作簿文件（.xlsx）。'); return resolved(null); }
    if (!state.inExcel) { error('从上年填充要在 Excel 中使用：它把数据写进当前打开的工作簿。'); return resolved(null); }
    return busy('正在读取当前工作簿…', function () {
      var current;
      return excel.readWorkbook().then(function (wb) {
        current = wb;
        return postWorkbook(API.read, wb);
      }).then(function (read) {
        var d = read.data || {};
        if (!d.year || (source === 'archive' && !(d.unit && d.unit.name))) {
          throw new Error('当前工作簿里找不到决算年度或单位名称。请先用“生成空白表”建立本年度的工作簿，或在表头填好年度和单位。');
        }
        text($('busy-text'), '正在从上年结转…');
        var params = { format: 'writes', year: d.year, profile: d.profile };
        if (source === 'archive') { params.unit = d.unit.name; }
        var form = new FormData();
        var parts = 0;
        if (current.kind === 'xlsx') { form.append('current', current.data, 'current.xlsx'); parts++; }
        if (source === 'file') { form.append('file', file, file.name); parts++; }
        return request('POST', API.carryForward + query(params), parts ? form : undefined).then(function (r) {
          var answer = JSON.parse(r.body);
          answer.sourceLabel = source === 'archive' ? '服务器存档的 ' + d.unit.name + ' ' + (d.year - 1) + ' 年度决算'
            : '文件“' + file.name + '”';
          return answer;
        });
      }).then(function (answer) {
        var writes = answer.writes || [];
        text($('busy-text'), '正在写入 ' + writes.length + ' 个单元格…');
        return excel.applyOperations(answer.operations || []).then(function () {
          return excel.applyWrites(writes);
        }).then(function (done) {
          var line = $('fill-result');
          text(line, '已从' + answer.sourceLabel + '填充 ' + done.cells + ' 个单元格。请核对后再校验。');
          show(line, true);
          notice((answer.notes || []).join('\n'));
        });
      });
    });
  }

  // --- 生成空白表 ---------------------------------------------------------------------------------------------

  /** Fills the 表样 list once; resolves true when the server answered. */
  function loadProfiles() {
    return getJson(API.profiles).then(function (profiles) {
      var select = $('blank-profile');
      if (select.options.length > 1) { return true; }
      profiles.forEach(function (p) {
        var o = node('option', '', p.name);
        o.value = p.id;
        select.appendChild(o);
      });
      return true;
    }, function (e) { error(describe(e)); return false; });
  }

  function blank() {
    var year = String($('blank-year').value).trim();
    var unit = String($('blank-unit').value).trim();
    if (!/^\d{4}$/.test(year)) { error('请填写四位数的决算年度，如 ' + (new Date().getFullYear() - 1) + '。'); return resolved(null); }
    if (!unit) { error('请填写单位名称。'); return resolved(null); }
    var url = API.blank + query({ profile: $('blank-profile').value, year: year, unit: unit,
      unitCode: String($('blank-unit-code').value).trim() });
    return busy('正在生成空白表…', function () {
      return request('GET', url, undefined, null, 'arraybuffer').then(function (r) {
        var line = $('blank-result');
        if (state.inExcel && excel.supports('ExcelApi', '1.8')) {
          return excel.createWorkbook(base64(r.body)).then(function () {
            text(line, '已在新窗口打开 ' + unit + ' ' + year + ' 年度的空白决算表，请保存到本机。');
            show(line, true);
          });
        }
        download(r.body, fileName(r.xhr, unit + year + '年度部门决算（空表）.xlsx'));
        line.innerHTML = '';
        show(line, true);
        if (state.token) { text(line, '已下载空白表。'); return null; } // a plain link cannot carry the token
        line.appendChild(document.createTextNode('已下载空白表。若没有开始下载，请在浏览器中打开：'));
        var a = node('a', '', '下载链接');
        a.href = url;
        a.target = '_blank';
        line.appendChild(a);
        return null;
      });
    });
  }

  function base64(buffer) {
    var bytes = new Uint8Array(buffer);
    var parts = [];
    for (var i = 0; i < bytes.length; i += 32768) {
      parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 32768)));
    }
    return btoa(parts.join(''));
  }

  function fileName(xhr, fallback) {
    var cd = xhr.getResponseHeader('Content-Disposition') || '';
    var m = /filename\*=UTF-8''([^;]+)/i.exec(cd);
    return m ? decodeURIComponent(m[1]) : fallback;
  }

  function download(buffer, name) {
    var blob = new Blob([buffer], { type: XLSX });
    if (window.navigator.msSaveOrOpenBlob) { window.navigator.msSaveOrOpenBlob(blob, name); return; }
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); document.body.removeChild(a); }, 1000);
  }

  // --- start --------------------------------------------------------------------------------------------------

  function action() {
    var m = /[?&]action=(validate|fill|blank)(?:&|$)/.exec(location.search); // Office appends _host_Info=…
    return m ? m[1] : null;
  }

  function wire() {
    var tabs = document.querySelectorAll('.tabs button');
    for (var i = 0; i < tabs.length; i++) {
      tabs[i].addEventListener('click', function (e) { selectTab(e.currentTarget.getAttribute('data-panel')); });
    }
    $('validate').addEventListener('click', validateOpen);
    $('validate-file').addEventListener('change', function (e) {
      var f = e.target.files && e.target.files[0];
      if (f) { validateFile(f); }
    });
    $('mark').addEventListener('click', mark);
    $('unmark').addEventListener('click', unmark);
    $('write-sheet').addEventListener('click', writeSheet);
    $('download-annotated').addEventListener('click', downloadAnnotated);
    $('fill').addEventListener('click', fill);
    $('blank').addEventListener('click', blank);
    $('token-save').addEventListener('click', submitToken);
    $('token-input').addEventListener('keydown', function (e) { if (e.keyCode === 13) { submitToken(); } });
    $('token-forget').addEventListener('click', forgetToken);
    $('token-cancel').addEventListener('click', function () { show($('token-box'), false); });
    $('token-change').addEventListener('click', changeToken);
    $('blank-year').value = new Date().getFullYear() - 1;
  }

  function start(info) {
    state.inExcel = !!(info && window.Office && info.host === Office.HostType.Excel && window.Excel);
    text($('mode'), state.inExcel ? '' : '浏览器模式');
    show($('validate'), state.inExcel);
    show($('validate-file-label'), !state.inExcel);
    if (!state.inExcel) {
      notice('本页没有在 Excel 中打开：可以选择工作簿文件校验、生成空白表；标注、跳转和从上年填充需在 Excel 的“决算助手”选项卡中使用。');
    }
    loadMarks();
    loadToken();
    updateMarkButtons();
    loadProfiles();
    var a = action();
    selectTab(a || 'validate');
    if (a === 'validate' && state.inExcel) { validateOpen(); } // 校验 on the ribbon is one click
  }

  wire();
  if (window.Office && Office.onReady) {
    Office.onReady(start);
  } else {
    error('无法加载 office.js（微软的加载项脚本）。若单位内网不能访问互联网，请管理员按 README 配置本地 office.js。');
    start(null);
  }

  window.juesuanPane = { rowRuns: rowRuns, cellRef: cellRef, asText: asText }; // for tests and the console
})();
