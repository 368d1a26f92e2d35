/*
 * A fake office.js for the task pane test: Office + Excel as far as the pane uses them, over an in-memory workbook,
 * recording every Excel call that reaches the workbook in window.__officeCalls. Like the real API, writes and reads are
 * queued and happen at context.sync(); a property read before load + sync throws PropertyNotLoaded, an unknown sheet
 * fails the sync with ItemNotFound, and an API of a requirement set the host lacks fails the sync with ApiNotFound.
 *
 * Configured by window.__fakeOffice (set before the page loads):
 *   host        'Excel' (default) or null for a page opened outside Office
 *   sets        {ExcelApi: '1.9', CompressedFile: true}: supported requirement sets
 *   fileBase64  the .xlsx that getFileAsync hands over
 *   sheets      [{name, address, values}]: used ranges, for getUsedRange()
 *   fills       {sheet: {A1: '#FFFF00'}}: fills the workbook starts with (others are '#FFFFFF', no fill)
 *   partitionKey Office.context.partitionKey (undefined by default, as in Excel on Windows)
 */
(function () {
  'use strict';
  var cfg = window.__fakeOffice || {};
  var calls = window.__officeCalls = [];
  var sets = cfg.sets || { ExcelApi: '1.9', CompressedFile: true };
  var sheetNames = (cfg.sheets || []).map(function (s) { return s.name; });
  var fills = cfg.fills || {};
  var settingsStore = {};

  function versionAtLeast(have, want) {
    var a = String(have).split('.'), b = String(want || '1.1').split('.');
    for (var i = 0; i < Math.max(a.length, b.length); i++) {
      var x = Number(a[i] || 0), y = Number(b[i] || 0);
      if (x !== y) { return x > y; }
    }
    return true;
  }

  function supported(set, version) {
    var have = sets[set];
    if (have === true) { return true; }
    return !!have && versionAtLeast(have, version);
  }

  function apiError(code, message) {
    var e = new Error(message);
    e.code = code;
    return e;
  }

  function expandAddresses(address) {
    return address.split(',').map(function (a) { return a.trim(); });
  }

  // --- Excel ------------------------------------------------------------------------------------------------

  function RequestContext() {
    var ctx = this;
    ctx._queue = [];
    ctx._loads = [];
    ctx.workbook = { worksheets: new Worksheets(ctx) };
    ctx.application = {
      suspendScreenUpdatingUntilNextSync: function () { ctx._op({ op: 'suspendScreenUpdating', set: ['ExcelApi', '1.9'] }); },
      suspendApiCalculationUntilNextSync: function () { ctx._op({ op: 'suspendApiCalculation', set: ['ExcelApi', '1.6'] }); }
    };
  }
  RequestContext.prototype._op = function (op) { this._queue.push(op); };
  RequestContext.prototype.sync = function () {
    var ctx = this;
    return new Promise(function (resolve, reject) {
      setTimeout(function () {
        var queue = ctx._queue, loads = ctx._loads;
        ctx._queue = [];
        ctx._loads = [];
        try {
          queue.forEach(function (op) {
            if (op.set && !supported(op.set[0], op.set[1])) { throw apiError('ApiNotFound', op.op + ' needs ' + op.set.join(' ')); }
            if (op.sheet !== undefined && sheetNames.indexOf(op.sheet) < 0) {
              throw apiError('ItemNotFound', 'no sheet ' + op.sheet);
            }
            apply(op);
          });
          loads.forEach(function (f) { f(); });
          calls.push({ op: 'sync' });
          resolve();
        } catch (e) {
          calls.push({ op: 'syncFailed', code: e.code });
          reject(e);
        }
      }, 0);
    });
  };

  function apply(op) {
    var record = {};
    for (var k in op) { if (k !== 'set' && k !== 'then') { record[k] = op[k]; } }
    if (op.op === 'fill' || op.op === 'clearFill') {
      fills[op.sheet] = fills[op.sheet] || {};
      expandAddresses(op.address).forEach(function (a) {
        if (op.op === 'fill') { fills[op.sheet][a] = op.color; } else { delete fills[op.sheet][a]; }
      });
    } else if (op.op === 'addSheet') {
      sheetNames.push(op.name);
    } else if (op.op === 'deleteSheet') {
      sheetNames.splice(sheetNames.indexOf(op.sheet), 1);
    }
    calls.push(record);
  }

  /** A property readable only after load() and sync(). */
  function loadable(obj, names, ctx, compute) {
    var loaded = {};
    obj.load = function (spec) {
      String(spec).split(',').forEach(function (n) {
        n = n.trim().split('/')[0]; // 'items/name' loads items
        ctx._loads.push(function () { loaded[n] = compute(n); });
      });
      return obj;
    };
    names.forEach(function (n) {
      Object.defineProperty(obj, n, {
        get: function () {
          if (!Object.prototype.hasOwnProperty.call(loaded, n)) { throw apiError('PropertyNotLoaded', n + ' not loaded'); }
          return loaded[n];
        },
        set: function (v) { obj['_set_' + n](v); },
        configurable: true
      });
    });
  }

  function Worksheets(ctx) {
    var self = this;
    self.getItem = function (name) { return new Worksheet(ctx, name); };
    self.add = function (name) {
      ctx._op({ op: 'addSheet', name: name });
      return new Worksheet(ctx, name, true);
    };
    loadable(self, ['items'], ctx, function () {
      return sheetNames.map(function (n) { var w = new Worksheet(ctx, n); w.name = n; return w; });
    });
  }

  function Worksheet(ctx, name, adding) {
    var self = this;
    self.name = name;
    function op(o) { if (!adding) { o.sheet = name; } else { o.newSheet = name; } ctx._op(o); }
    self.activate = function () { op({ op: 'activate' }); };
    self['delete'] = function () { op({ op: 'deleteSheet' }); };
    self.getRange = function (address) { return new Range(ctx, name, address, op); };
    self.getRanges = function (address) {
      var r = new Range(ctx, name, address, op);
      r._set = ['ExcelApi', '1.9'];
      return r;
    };
    self.getUsedRange = function () {
      var used = (cfg.sheets || []).filter(function (s) { return s.name === name; })[0];
      var r = new Range(ctx, name, used ? used.address : 'A1', op);
      loadable(r, ['address', 'values'], ctx, function (n) { return used ? used[n] : (n === 'values' ? [['']] : name + '!A1'); });
      return r;
    };
  }

  function Range(ctx, sheet, address, op) {
    var self = this;
    self.address = address;
    function rop(o) { o.address = address; if (self._set) { o.set = self._set; } op(o); }
    var fill = {
      clear: function () { rop({ op: 'clearFill' }); }
    };
    loadable(fill, ['color'], ctx, function () { return (fills[sheet] && fills[sheet][address]) || '#FFFFFF'; });
    fill._set_color = function (v) { rop({ op: 'fill', color: v }); };
    self.format = { fill: fill, font: {} };
    Object.defineProperty(self.format.font, 'bold', { set: function (v) { rop({ op: 'bold', value: v }); } });
    self.select = function () { rop({ op: 'select' }); };
    self.insert = function (shift) { rop({ op: 'insert', shift: shift }); };
    self['delete'] = function (shift) { rop({ op: 'delete', shift: shift }); };
    self.getResizedRange = function (rows, cols) {
      var m = /^([A-Z]+)(\d+)$/.exec(address);
      var col = 0;
      for (var i = 0; i < m[1].length; i++) { col = col * 26 + m[1].charCodeAt(i) - 64; }
      var end = col + cols, letters = '';
      while (end > 0) { var r = (end - 1) % 26; letters = String.fromCharCode(65 + r) + letters; end = Math.floor((end - 1) / 26); }
      return new Range(ctx, sheet, address + ':' + letters + (Number(m[2]) + rows), op);
    };
    Object.defineProperty(self, 'formulas', { set: function (v) { rop({ op: 'formulas', value: v }); } });
    Object.defineProperty(self, 'values', { set: function (v) { rop({ op: 'values', value: v }); }, configurable: true });
  }

  window.Excel = {
    run: function (batch) {
      var ctx = new RequestContext();
      return Promise.resolve().then(function () { return batch(ctx); });
    },
    createWorkbook: function (base64) {
      if (!supported('ExcelApi', '1.8')) { return Promise.reject(apiError('ApiNotFound', 'createWorkbook')); }
      calls.push({ op: 'createWorkbook', base64: base64 });
      return Promise.resolve();
    }
  };

  // --- Office -----------------------------------------------------------------------------------------------

  function File(bytes, sliceSize) {
    this.size = bytes.length;
    this.sliceCount = Math.max(1, Math.ceil(bytes.length / sliceSize));
    this.getSliceAsync = function (i, cb) {
      calls.push({ op: 'getSliceAsync', index: i });
      var part = Array.prototype.slice.call(bytes.subarray(i * sliceSize, (i + 1) * sliceSize)); // Office gives a plain array
      setTimeout(function () { cb({ status: 'succeeded', value: { index: i, size: part.length, data: part } }); }, 0);
    };
    this.closeAsync = function (cb) { calls.push({ op: 'closeFile' }); if (cb) { cb({ status: 'succeeded' }); } };
  }

  var host = cfg.host === undefined ? 'Excel' : cfg.host;
  window.Office = {
    HostType: { Excel: 'Excel' },
    FileType: { Compressed: 'compressed' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: {
      partitionKey: cfg.partitionKey,
      requirements: { isSetSupported: function (set, version) { return supported(set, version); } },
      document: {
        getFileAsync: function (type, options, cb) {
          calls.push({ op: 'getFileAsync', type: type, sliceSize: options.sliceSize });
          if (!cfg.fileBase64) {
            setTimeout(function () { cb({ status: 'failed', error: apiError('7000', 'no file') }); }, 0);
            return;
          }
          var bin = atob(cfg.fileBase64), bytes = new Uint8Array(bin.length);
          for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
          setTimeout(function () { cb({ status: 'succeeded', value: new File(bytes, Math.min(options.sliceSize, 65536)) }); }, 0);
        },
        settings: {
          get: function (k) { return Object.prototype.hasOwnProperty.call(settingsStore, k) ? settingsStore[k] : null; },
          set: function (k, v) { settingsStore[k] = v; },
          remove: function (k) { delete settingsStore[k]; },
          saveAsync: function (cb) { calls.push({ op: 'saveSettings' }); if (cb) { setTimeout(function () { cb({ status: 'succeeded' }); }, 0); } }
        }
      }
    },
    onReady: function (cb) {
      var info = { host: host, platform: host ? 'PC' : null };
      return new Promise(function (resolve) {
        setTimeout(function () { if (cb) { cb(info); } resolve(info); }, 0);
      });
    }
  };
  window.__fakeFills = fills;
})();
