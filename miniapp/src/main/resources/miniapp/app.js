/*
 * DR Daily Report — Telegram Mini App page.
 *
 * One page, hash routes:
 *   #/                 rankings (top_gainers, top_losers, volume_surge, trending)
 *   #/ticker/NVDA19    a ticker's report: candlestick chart with chart-pattern overlays, stance,
 *                      key metrics, narrative (Thai / English)
 *   #/watchlist        the user's watchlist (inside Telegram only)
 * Any other hash (e.g. Telegram's launch parameters "#tgWebAppData=…") shows the rankings.
 *
 * API: GET /api/v1/rankings, /search, /report/{ticker}; GET/POST /watchlist,
 * DELETE /watchlist/{ticker} with the X-Telegram-Init-Data header. Every failure is the envelope
 * {"error":{"code","message","details"}} and is shown as a Thai message.
 *
 * Telegram: the WebApp SDK is loaded as an optional script with a time limit. Without it (a normal
 * browser, no network) the page works read-only and the watchlist says to open it in Telegram.
 *
 * Test hooks: the chart container #price-chart gets data-patterns-drawn="N" (pattern overlays
 * added to the chart) and data-ready="true" once drawn.
 */
(function () {
  'use strict';

  var CONFIG = window.DR_CONFIG || {};
  var API = (CONFIG.apiBase || '').replace(/\/+$/, '') + '/api/v1';

  var COLORS = {
    bullish: '#16a34a',
    bearish: '#dc2626',
    neutral: '#6b7280',
    candleUp: '#26a69a',
    candleDown: '#ef5350'
  };

  var CATEGORIES = [
    {id: 'top_gainers', label: 'ขึ้นแรง'},
    {id: 'top_losers', label: 'ลงแรง'},
    {id: 'volume_surge', label: 'วอลุ่มพุ่ง'},
    {id: 'trending', label: 'มาแรง'}
  ];

  /* Thai and English names of the pattern types (the same words as the reports). */
  var PATTERN_NAMES = {
    bullish_flag: ['รูปธงขาขึ้น', 'Bullish flag'],
    bearish_flag: ['รูปธงขาลง', 'Bearish flag'],
    ascending_triangle: ['สามเหลี่ยมขาขึ้น', 'Ascending triangle'],
    descending_triangle: ['สามเหลี่ยมขาลง', 'Descending triangle'],
    symmetrical_triangle: ['สามเหลี่ยมสมมาตร', 'Symmetrical triangle'],
    rising_wedge: ['ลิ่มขาขึ้น', 'Rising wedge'],
    falling_wedge: ['ลิ่มขาลง', 'Falling wedge'],
    double_top: ['ยอดคู่', 'Double top'],
    double_bottom: ['ก้นคู่', 'Double bottom'],
    head_shoulders: ['หัวและไหล่', 'Head and shoulders'],
    inverse_head_shoulders: ['หัวและไหล่กลับหัว', 'Inverse head and shoulders'],
    cup_handle: ['ถ้วยและหูจับ', 'Cup and handle'],
    vcp: ['การบีบตัวของความผันผวน (VCP)', 'Volatility contraction (VCP)']
  };
  var CONFIDENCE_TH = {high: 'สูง', medium: 'ปานกลาง', low: 'ต่ำ'};
  var STANCE_TH = {bullish: 'เชิงบวก', bearish: 'เชิงลบ', neutral: 'เป็นกลาง'};
  var DIRECTION_TH = {bullish: 'ขาขึ้น', bearish: 'ขาลง', neutral: 'เป็นกลาง'};
  var RISK_TH = {low: 'ต่ำ', medium: 'ปานกลาง', high: 'สูง'};
  var STATUS_TH = {bullish: 'บวก', bearish: 'ลบ', neutral: 'กลาง', elevated_risk: 'เสี่ยงสูง'};
  var SCORE_TH = {trend: 'แนวโน้ม', momentum: 'แรงส่ง', risk: 'ความเสี่ยง', volume: 'ปริมาณซื้อขาย', pattern: 'รูปแบบกราฟ'};
  var METRIC_TH = {
    rsi_14: 'RSI (14)', macd: 'MACD', macd_histogram: 'MACD Histogram', sma_20: 'SMA 20 วัน', sma_50: 'SMA 50 วัน',
    sma_200: 'SMA 200 วัน', bollinger_percent_b: 'Bollinger %B', atr_percent: 'ATR (% ของราคา)',
    price_vs_vwap_percent: 'ราคาเทียบ VWAP (%)', volume_ratio: 'วอลุ่มเทียบค่าเฉลี่ย (เท่า)',
    volatility_30d: 'ความผันผวน 30 วัน (%)', volatility_90d: 'ความผันผวน 90 วัน (%)', max_drawdown_1y: 'ลดลงสูงสุด 1 ปี (%)'
  };

  var state = {
    nav: 0,               // incremented on every route: late answers of an older screen are dropped
    category: 'top_gainers',
    lang: readLang(),
    webApp: null,         // window.Telegram.WebApp once the SDK is there
    initData: '',         // Telegram initData (empty outside Telegram)
    chart: null,
    resizeObserver: null,
    watchlist: null       // Set of tickers, once loaded (inside Telegram)
  };

  /* ------------------------------------------------------------------ Telegram */

  /* Telegram passes its launch parameters in the URL hash; keep them before any route changes it. */
  var launch = parseLaunchParams(location.hash);
  if (launch.initData) {
    state.initData = launch.initData;
    try {
      // where the SDK itself keeps them, so it finds them even if it loads after a route change
      sessionStorage.setItem('__telegram__initParams', JSON.stringify(launch.params));
    } catch (e) { /* storage disabled */ }
  }
  if (launch.themeParams) {
    applyTheme(launch.themeParams, null);
  }

  var telegramReady = loadTelegramSdk().then(function (webApp) {
    if (!webApp) {
      return null;
    }
    state.webApp = webApp;
    state.initData = webApp.initData || state.initData;
    try {
      webApp.ready();
      webApp.expand();
    } catch (e) { /* an old client */ }
    applyTheme(webApp.themeParams, webApp.colorScheme);
    if (webApp.onEvent) {
      webApp.onEvent('themeChanged', function () {
        applyTheme(webApp.themeParams, webApp.colorScheme);
        redrawChart();
      });
    }
    if (webApp.BackButton && webApp.BackButton.onClick) {
      webApp.BackButton.onClick(function () {
        if (history.length > 1) {
          history.back();
        } else {
          location.hash = '#/';
        }
      });
    }
    updateBackButton();
    return webApp;
  });

  function parseLaunchParams(hash) {
    var out = {params: {}, initData: '', themeParams: null};
    var text = (hash || '').replace(/^#/, '');
    if (text.indexOf('tgWebApp') < 0) {
      return out;
    }
    text.split('&').forEach(function (pair) {
      var eq = pair.indexOf('=');
      if (eq < 0) {
        return;
      }
      try {
        out.params[decodeURIComponent(pair.slice(0, eq))] = decodeURIComponent(pair.slice(eq + 1));
      } catch (e) { /* malformed: ignore */ }
    });
    out.initData = out.params.tgWebAppData || '';
    try {
      out.themeParams = out.params.tgWebAppThemeParams ? JSON.parse(out.params.tgWebAppThemeParams) : null;
    } catch (e) {
      out.themeParams = null;
    }
    return out;
  }

  /* The SDK, or null when it cannot be had in time: the page never waits for it to render. */
  function loadTelegramSdk() {
    return new Promise(function (resolve) {
      if (window.Telegram && window.Telegram.WebApp) {
        resolve(window.Telegram.WebApp);
        return;
      }
      if (!CONFIG.telegramSdk) {
        resolve(null);
        return;
      }
      var done = false;
      function finish(value) {
        if (!done) {
          done = true;
          resolve(value);
        }
      }
      var script = document.createElement('script');
      script.src = CONFIG.telegramSdk;
      script.async = true;
      script.onload = function () {
        finish(window.Telegram && window.Telegram.WebApp ? window.Telegram.WebApp : null);
      };
      script.onerror = function () {
        finish(null);
      };
      setTimeout(function () {
        finish(null);
      }, CONFIG.sdkTimeoutMs || 4000);
      document.head.appendChild(script);
    });
  }

  function inTelegram() {
    return !!state.initData;
  }

  /* Telegram theme → CSS variables (the SDK sets the same ones; set here too for launch params). */
  function applyTheme(params, colorScheme) {
    var root = document.documentElement;
    if (params) {
      Object.keys(params).forEach(function (key) {
        if (/^[a-z_]+$/.test(key) && typeof params[key] === 'string' && /^#[0-9a-fA-F]{3,8}$/.test(params[key])) {
          root.style.setProperty('--tg-theme-' + key.replace(/_/g, '-'), params[key]);
        }
      });
      root.setAttribute('data-telegram', 'true');
    }
    if (colorScheme !== 'dark' && colorScheme !== 'light' && params && /^#[0-9a-fA-F]{6}$/.test(params.bg_color || '')) {
      // launch parameters carry no scheme: judge it from the background's brightness
      var rgb = parseInt(params.bg_color.slice(1), 16);
      var luma = 0.2126 * (rgb >> 16) + 0.7152 * ((rgb >> 8) & 255) + 0.0722 * (rgb & 255);
      colorScheme = luma < 128 ? 'dark' : 'light';
    }
    if (colorScheme === 'dark' || colorScheme === 'light') {
      root.setAttribute('data-color-scheme', colorScheme);
    }
  }

  function updateBackButton() {
    var button = state.webApp && state.webApp.BackButton;
    if (!button) {
      return;
    }
    try {
      if (currentRoute().name === 'home') {
        button.hide();
      } else {
        button.show();
      }
    } catch (e) { /* an old client */ }
  }

  /* ------------------------------------------------------------------ API */

  function ApiError(status, code, message, details) {
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.message = message;
    this.details = details || {};
  }
  ApiError.prototype = Object.create(Error.prototype);

  /* fetch + the error envelope: resolves with the JSON body, rejects with an ApiError. */
  function api(path, options) {
    options = options || {};
    var headers = {'Accept': 'application/json'};
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (options.auth && state.initData) {
      headers['X-Telegram-Init-Data'] = state.initData;
    }
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, 15000) : null;
    if (options.signal && controller) {
      options.signal.addEventListener('abort', function () { controller.abort(); });
    }
    return fetch(API + path, {
      method: options.method || 'GET',
      headers: headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        try {
          data = text ? JSON.parse(text) : null;
        } catch (e) {
          data = null;
        }
        if (!response.ok) {
          var error = data && data.error ? data.error : {};
          var details = error.details || {};
          if (response.headers.get('Retry-After') && details.retry_after_seconds === undefined) {
            details.retry_after_seconds = response.headers.get('Retry-After');
          }
          throw new ApiError(response.status, error.code || 'HTTP_' + response.status, error.message || response.statusText, details);
        }
        return data;
      });
    }, function (e) {
      if (options.signal && options.signal.aborted) {
        throw e;
      }
      throw new ApiError(0, e && e.name === 'AbortError' ? 'TIMEOUT' : 'NETWORK', String(e && e.message || e), {});
    }).finally(function () {
      if (timer) {
        clearTimeout(timer);
      }
    });
  }

  /* ------------------------------------------------------------------ DOM helpers */

  /* h('div', {class: 'x', onclick: fn}, child, 'text', …): never innerHTML, so no markup from data. */
  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        var value = attrs[key];
        if (value === null || value === undefined || value === false) {
          return;
        }
        if (key.indexOf('on') === 0 && typeof value === 'function') {
          el.addEventListener(key.slice(2), value);
        } else if (key === 'class') {
          el.className = value;
        } else if (key === 'text') {
          el.textContent = value;
        } else {
          el.setAttribute(key, value === true ? '' : String(value));
        }
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      append(el, arguments[i]);
    }
    return el;
  }

  function append(el, child) {
    if (child === null || child === undefined || child === false) {
      return;
    }
    if (Array.isArray(child)) {
      child.forEach(function (c) { append(el, c); });
    } else if (child instanceof Node) {
      el.appendChild(child);
    } else {
      el.appendChild(document.createTextNode(String(child)));
    }
  }

  function view() {
    return document.getElementById('view');
  }

  function setView() {
    var root = view();
    root.textContent = '';
    for (var i = 0; i < arguments.length; i++) {
      append(root, arguments[i]);
    }
  }

  function tickerHref(ticker) {
    return '#/ticker/' + encodeURIComponent(ticker);
  }

  /* ------------------------------------------------------------------ formatting */

  function isNumber(v) {
    return typeof v === 'number' && isFinite(v);
  }

  function fmtNumber(v, digits) {
    if (!isNumber(v)) {
      return '–';
    }
    return v.toLocaleString('th-TH', {minimumFractionDigits: digits, maximumFractionDigits: digits});
  }

  function fmtPrice(v) {
    if (!isNumber(v)) {
      return '–';
    }
    var abs = Math.abs(v);
    return fmtNumber(v, abs >= 10000 ? 0 : abs >= 1 ? 2 : 4);
  }

  function fmtPct(v) {
    if (!isNumber(v)) {
      return '–';
    }
    return (v > 0 ? '+' : '') + fmtNumber(v, 2) + '%';
  }

  function changeClass(v) {
    return !isNumber(v) || v === 0 ? 'flat' : v > 0 ? 'up' : 'down';
  }

  /* '2026-01-15' → '15 ม.ค. 2569' (Bangkok business date, Buddhist year). */
  function fmtDate(iso) {
    if (!iso) {
      return '–';
    }
    var d = new Date(iso + 'T12:00:00+07:00');
    if (isNaN(d.getTime())) {
      return iso;
    }
    return d.toLocaleDateString('th-TH', {day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Asia/Bangkok'});
  }

  function fmtShortDate(iso) {
    var d = new Date(iso + 'T12:00:00+07:00');
    if (isNaN(d.getTime())) {
      return iso;
    }
    return d.toLocaleDateString('th-TH', {day: 'numeric', month: 'short', timeZone: 'Asia/Bangkok'});
  }

  /* An instant (e.g. next_run_at) as Bangkok date and time. */
  function fmtDateTime(text) {
    var d = new Date(text);
    if (isNaN(d.getTime())) {
      return String(text || '');
    }
    return d.toLocaleString('th-TH', {
      day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Bangkok'
    }) + ' น.';
  }

  function patternName(p, lang) {
    var names = PATTERN_NAMES[p.type];
    if (!names) {
      return p.pattern || p.type || '?';
    }
    return lang === 'en' ? names[1] : names[0];
  }

  /* ------------------------------------------------------------------ errors */

  /* A failure as a friendly Thai message (with links or a retry where they help). */
  function errorBox(error, retry) {
    var code = error && error.code;
    var details = (error && error.details) || {};
    var box = h('div', {class: 'error-box', role: 'alert', 'data-error-code': code || 'UNKNOWN'});
    if (code === 'TICKER_NOT_FOUND') {
      box.appendChild(h('p', {class: 'error-title'}, 'ไม่พบหุ้น “' + (details.ticker || '') + '”'));
      var suggestions = Array.isArray(details.suggestions) ? details.suggestions : [];
      if (suggestions.length) {
        box.appendChild(h('p', null, 'หรือคุณหมายถึง:'));
        box.appendChild(h('ul', {class: 'suggestion-links'}, suggestions.map(function (s) {
          return h('li', null, h('a', {href: tickerHref(s), 'data-ticker': s}, s));
        })));
      } else {
        box.appendChild(h('p', null, 'ลองค้นหาด้วยชื่อย่อ DR เช่น NVDA19 หรือชื่อบริษัท'));
      }
      return box;
    }
    if (code === 'REPORT_NOT_READY') {
      box.classList.add('info');
      box.setAttribute('role', 'status');
      box.appendChild(h('p', {class: 'error-title'}, 'ยังไม่มีรายงานของ ' + (details.ticker || 'หุ้นนี้')));
      box.appendChild(h('p', null, details.next_run_at
          ? 'รายงานจะถูกสร้างในรอบถัดไป: ' + fmtDateTime(details.next_run_at)
          : 'รายงานจะถูกสร้างในรอบประมวลผลถัดไป (05:00 น.)'));
      return box;
    }
    var messages = {
      UNAUTHORIZED: 'ยืนยันตัวตนกับ Telegram ไม่สำเร็จ กรุณาเปิดแอปนี้ใหม่จาก Telegram',
      RATE_LIMITED: 'มีการใช้งานถี่เกินไป กรุณาลองใหม่' +
          (details.retry_after_seconds ? 'ในอีก ' + details.retry_after_seconds + ' วินาที' : 'ภายหลัง'),
      SERVICE_UNAVAILABLE: 'ระบบไม่พร้อมใช้งานชั่วคราว กรุณาลองใหม่อีกครั้ง',
      INTERNAL_ERROR: 'เกิดข้อผิดพลาดในระบบ กรุณาลองใหม่อีกครั้ง',
      INVALID_REQUEST: 'คำขอไม่ถูกต้อง',
      NOT_FOUND: 'ไม่พบข้อมูลที่ต้องการ',
      NETWORK: 'เชื่อมต่อเซิร์ฟเวอร์ไม่ได้ กรุณาตรวจสอบอินเทอร์เน็ตแล้วลองใหม่',
      TIMEOUT: 'เซิร์ฟเวอร์ตอบช้าเกินไป กรุณาลองใหม่อีกครั้ง'
    };
    box.appendChild(h('p', {class: 'error-title'}, messages[code] || 'เกิดข้อผิดพลาด'));
    if (code === 'INVALID_REQUEST' && error.message) {
      box.appendChild(h('p', {class: 'hint'}, error.message));
    }
    if (details.request_id) {
      box.appendChild(h('p', {class: 'hint'}, 'รหัสอ้างอิง: ' + details.request_id));
    }
    if (retry) {
      box.appendChild(h('button', {class: 'button', type: 'button', onclick: retry}, 'ลองใหม่'));
    }
    return box;
  }

  /* ------------------------------------------------------------------ routing */

  function currentRoute() {
    var hash = location.hash || '';
    if (hash.indexOf('#/') !== 0) {
      return {name: 'home'};
    }
    var path = hash.slice(2).split('?')[0];
    var m = /^ticker\/([^/]+)\/?$/.exec(path);
    if (m) {
      var ticker;
      try {
        ticker = decodeURIComponent(m[1]);
      } catch (e) {
        ticker = m[1];
      }
      return {name: 'ticker', ticker: ticker};
    }
    if (path === 'watchlist') {
      return {name: 'watchlist'};
    }
    return {name: 'home'};
  }

  function route() {
    state.nav++;
    disposeChart();
    hideSuggestions();
    var r = currentRoute();
    document.querySelectorAll('[data-nav]').forEach(function (a) {
      a.classList.toggle('active', a.getAttribute('data-nav') === r.name);
    });
    updateBackButton();
    if (r.name === 'ticker') {
      showTicker(r.ticker);
    } else if (r.name === 'watchlist') {
      showWatchlist();
    } else {
      showHome();
    }
    window.scrollTo(0, 0);
  }

  /* ------------------------------------------------------------------ rankings */

  function showHome() {
    var nav = state.nav;
    var tabs = h('div', {class: 'tabs', role: 'tablist', 'aria-label': 'หมวดอันดับ'}, CATEGORIES.map(function (c) {
      return h('button', {
        type: 'button', role: 'tab', class: 'tab', 'data-category': c.id,
        'aria-selected': c.id === state.category ? 'true' : 'false',
        onclick: function () {
          if (state.category !== c.id) {
            state.category = c.id;
            showHome();
          }
        }
      }, c.label);
    }));
    var meta = h('p', {class: 'meta', id: 'ranking-meta'});
    var list = h('div', {id: 'ranking-list', class: 'ranking', 'aria-busy': 'true', 'data-category': state.category},
        h('p', {class: 'loading'}, 'กำลังโหลด…'));
    setView(h('section', {class: 'home'}, h('h1', {class: 'title'}, 'อันดับหุ้น DR วันนี้'), tabs, meta, list));

    api('/rankings?category=' + encodeURIComponent(state.category) + '&limit=20').then(function (data) {
      if (nav !== state.nav) {
        return;
      }
      list.textContent = '';
      list.removeAttribute('aria-busy');
      meta.textContent = data.as_of ? 'ข้อมูล ณ ' + fmtDate(data.as_of) : '';
      if (data.is_stale) {
        meta.appendChild(h('span', {class: 'badge stale'}, 'ยังไม่มีข้อมูลของวันนี้'));
      }
      var tickers = data.tickers || [];
      if (!tickers.length) {
        list.appendChild(h('p', {class: 'empty'}, data.as_of ? 'ไม่มีหุ้นในหมวดนี้วันนี้' : 'ยังไม่มีรายงาน รายงานจะถูกสร้างทุกวันเวลา 05:00 น.'));
        return;
      }
      // demo prices are flagged as on the report page: the same badge above the list, and on each such row
      if (tickers.some(function (t) { return t.is_demo_data === true; })) {
        meta.appendChild(h('span', {class: 'badge demo', id: 'ranking-demo-badge'}, 'ข้อมูลตัวอย่าง (demo) — ไม่ใช่ราคาจริง'));
      }
      list.appendChild(h('ol', {class: 'ticker-list'}, tickers.map(function (t, i) {
        return h('li', null, h('a', {class: 'row', href: tickerHref(t.ticker), 'data-ticker': t.ticker},
            h('span', {class: 'rank'}, String(i + 1)),
            h('span', {class: 'name'}, h('strong', null, t.ticker,
                t.is_demo_data === true ? h('span', {class: 'badge demo', title: 'ข้อมูลตัวอย่าง (demo) — ไม่ใช่ราคาจริง'}, 'demo') : null),
                h('small', null, t.company_name || '')),
            h('span', {class: 'quote'},
                h('span', {class: 'price'}, fmtPrice(t.price), t.currency ? h('small', null, ' ' + t.currency) : null),
                state.category === 'volume_surge' && isNumber(t.volume_ratio)
                    ? h('span', {class: 'chg up'}, fmtNumber(t.volume_ratio, 1) + '×')
                    : h('span', {class: 'chg ' + changeClass(t.price_change_pct)}, fmtPct(t.price_change_pct)))));
      })));
    }, function (error) {
      if (nav !== state.nav) {
        return;
      }
      list.textContent = '';
      list.removeAttribute('aria-busy');
      list.appendChild(errorBox(error, showHome));
    });
  }

  /* ------------------------------------------------------------------ search */

  var search = {timer: null, controller: null, results: [], active: -1};

  function setupSearch() {
    var input = document.getElementById('search-input');
    input.addEventListener('input', function () {
      clearTimeout(search.timer);
      var q = input.value.trim();
      if (!q) {
        hideSuggestions();
        return;
      }
      search.timer = setTimeout(function () { runSearch(q); }, 180);
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (search.results.length) {
          e.preventDefault();
          var n = search.results.length;
          if (search.active < 0) {
            search.active = e.key === 'ArrowDown' ? 0 : n - 1;
          } else {
            search.active = (search.active + (e.key === 'ArrowDown' ? 1 : n - 1)) % n;
          }
          highlightSuggestion();
        }
      } else if (e.key === 'Enter') {
        e.preventDefault();
        var q = input.value.trim();
        var chosen = search.active >= 0 ? search.results[search.active] : search.results.length ? search.results[0] : null;
        if (chosen) {
          openTicker(chosen.ticker);
        } else if (q) {
          openTicker(q.toUpperCase());
        }
      } else if (e.key === 'Escape') {
        hideSuggestions();
      }
    });
    input.addEventListener('blur', function () {
      setTimeout(hideSuggestions, 200);
    });
  }

  function runSearch(q) {
    if (search.controller) {
      search.controller.abort();
    }
    search.controller = typeof AbortController === 'function' ? new AbortController() : null;
    api('/search?q=' + encodeURIComponent(q) + '&limit=8', {signal: search.controller ? search.controller.signal : undefined})
        .then(function (data) {
          var input = document.getElementById('search-input');
          if (input.value.trim() !== q) {
            return;
          }
          showSuggestions(data.results || [], null);
        }, function (error) {
          if (error instanceof ApiError) {
            showSuggestions([], error);
          }
        });
  }

  function showSuggestions(results, error) {
    var list = document.getElementById('search-results');
    var input = document.getElementById('search-input');
    search.results = results;
    search.active = -1;
    list.textContent = '';
    if (error) {
      list.appendChild(h('li', {class: 'muted', role: 'option', 'aria-disabled': 'true'},
          error.code === 'RATE_LIMITED' ? 'ค้นหาถี่เกินไป ลองใหม่อีกครั้ง' : 'ค้นหาไม่สำเร็จ'));
    } else if (!results.length) {
      list.appendChild(h('li', {class: 'muted', role: 'option', 'aria-disabled': 'true'}, 'ไม่พบหุ้นที่ตรงกัน'));
    } else {
      results.forEach(function (r, i) {
        list.appendChild(h('li', {role: 'option', id: 'search-option-' + i, 'data-ticker': r.ticker, 'aria-selected': 'false',
          onmousedown: function (e) { e.preventDefault(); },
          onclick: function () { openTicker(r.ticker); }
        }, h('strong', null, r.ticker), h('span', null, r.company_name || ''),
            h('small', null, [r.yahoo_symbol, r.currency].filter(Boolean).join(' · '))));
      });
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function highlightSuggestion() {
    var items = document.querySelectorAll('#search-results li[data-ticker]');
    items.forEach(function (li, i) {
      li.setAttribute('aria-selected', i === search.active ? 'true' : 'false');
    });
    var input = document.getElementById('search-input');
    if (search.active >= 0) {
      input.setAttribute('aria-activedescendant', 'search-option-' + search.active);
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function hideSuggestions() {
    var list = document.getElementById('search-results');
    var input = document.getElementById('search-input');
    if (list) {
      list.hidden = true;
      list.textContent = '';
    }
    if (input) {
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }
    search.results = [];
    search.active = -1;
  }

  function openTicker(ticker) {
    var input = document.getElementById('search-input');
    input.value = '';
    input.blur();
    hideSuggestions();
    var target = tickerHref(ticker);
    if (location.hash === target) {
      route();
    } else {
      location.hash = target;
    }
  }

  /* ------------------------------------------------------------------ ticker report */

  function showTicker(ticker) {
    var nav = state.nav;
    setView(h('p', {class: 'loading'}, 'กำลังโหลดรายงาน ' + ticker + '…'));
    document.title = ticker + ' · DR Daily Report';
    Promise.all([api('/report/' + encodeURIComponent(ticker)), loadECharts().catch(function (e) { return e; })])
        .then(function (results) {
          if (nav !== state.nav) {
            return;
          }
          renderReport(results[0], results[1]);
        }, function (error) {
          if (nav !== state.nav) {
            return;
          }
          setView(h('section', {class: 'ticker'}, h('h1', {class: 'title'}, ticker),
              errorBox(error, function () { showTicker(ticker); })));
        });
  }

  function renderReport(report, echartsOrError) {
    var lang = state.lang;
    var head = h('header', {class: 'ticker-head'},
        h('div', {class: 'ticker-id'}, h('h1', null, report.ticker), h('p', {class: 'company'}, report.company_name || '')),
        h('div', {class: 'quote'},
            h('span', {class: 'price'}, fmtPrice(report.price), h('small', null, ' ' + (report.currency || ''))),
            h('span', {class: 'chg ' + changeClass(report.price_change_pct)}, fmtPct(report.price_change_pct))));

    var isDemo = report.is_demo_data === true || /demo|synthetic/i.test(String(report.data_source || ''));
    var badges = h('div', {class: 'badges'},
        h('span', {class: 'badge stance ' + (report.stance || 'neutral'), id: 'stance'}, 'มุมมอง: ' + (STANCE_TH[report.stance] || report.stance || '–')),
        report.confidence ? h('span', {class: 'badge'}, 'ความเชื่อมั่น: ' + (CONFIDENCE_TH[report.confidence] || report.confidence)) : null,
        report.risk && report.risk.risk_level ? h('span', {class: 'badge risk-' + report.risk.risk_level},
            'ความเสี่ยง: ' + (RISK_TH[report.risk.risk_level] || report.risk.risk_level)) : null,
        isDemo ? h('span', {class: 'badge demo', id: 'demo-badge', title: String(report.data_source || '')},
            'ข้อมูลตัวอย่าง (demo) — ไม่ใช่ราคาจริง') : null);

    var dates = h('p', {class: 'meta'}, 'ราคา ณ ' + fmtDate(report.as_of) + ' · รายงานวันที่ ' + fmtDate(report.report_date));
    var stale = report.is_stale ? h('p', {class: 'notice stale', id: 'stale-notice', role: 'status'},
        'รายงานนี้เป็นของวันที่ ' + fmtDate(report.report_date) + ' — รายงานของวันนี้ยังไม่พร้อม') : null;

    var chartBox = h('div', {id: 'price-chart', class: 'chart', role: 'img',
      'aria-label': 'กราฟแท่งเทียนราคา ' + report.ticker + ' พร้อมรูปแบบกราฟ', 'data-ready': 'false'});
    var patterns = Array.isArray(report.chart_patterns) ? report.chart_patterns : [];

    setView(h('article', {class: 'ticker', 'data-ticker': report.ticker},
        head, badges, dates, stale,
        h('section', {class: 'card chart-card'}, h('h2', null, 'กราฟราคาและรูปแบบกราฟ'), chartBox, patternList(patterns)),
        keyMetrics(report),
        scoreSection(report),
        narrativeSection(report, lang),
        riskSection(report),
        watchlistAction(report.ticker),
        h('p', {class: 'hint source'}, 'แหล่งข้อมูล: ' + (Array.isArray(report.data_sources) ? report.data_sources.join(' · ') : report.data_source || '–'))));

    if (echartsOrError && echartsOrError.init) {
      drawChart(chartBox, report);
    } else {
      chartBox.classList.add('chart-error');
      chartBox.appendChild(h('p', null, 'แสดงกราฟไม่ได้ (โหลดไลบรารีกราฟไม่สำเร็จ)'));
      chartBox.setAttribute('data-patterns-drawn', '0');
    }
  }

  function patternList(patterns) {
    if (!patterns.length) {
      return h('p', {class: 'hint'}, 'ไม่พบรูปแบบกราฟในช่วงนี้');
    }
    return h('ul', {class: 'pattern-list', id: 'pattern-list'}, patterns.map(function (p, i) {
      var m = p.measurements || {};
      var live = p.live !== false;
      var extra = [];
      if (isNumber(m.breakout_level)) {
        extra.push('จุดทะลุ ' + fmtPrice(m.breakout_level));
      }
      if (isNumber(m.target) && live) {
        extra.push('เป้าหมาย ' + fmtPrice(m.target));
      }
      var record = p.track_record;
      return h('li', {class: 'pattern ' + (live ? (p.direction || 'neutral') : 'ended'), 'data-pattern': p.type,
          'data-state': p.state || 'forming'},
          h('button', {type: 'button', class: 'pattern-zoom', title: 'ซูมไปที่รูปแบบนี้', onclick: function () { zoomToPattern(p); }},
              h('span', {class: 'dot', 'aria-hidden': 'true'}),
              h('span', {class: 'pattern-text'},
                  h('strong', null, (i + 1) + '. ' + patternName(p, 'th')),
                  h('small', null, ' ' + patternName(p, 'en')),
                  p.state ? h('span', {class: 'badge state state-' + p.state},
                      (p.state_th || p.state) + (p.state_date ? ' ' + fmtShortDate(p.state_date) : '')) : null,
                  h('span', {class: 'pattern-meta'},
                      DIRECTION_TH[p.direction] + ' · ความเชื่อมั่น' + (CONFIDENCE_TH[p.confidence] || p.confidence) +
                      ' · ' + fmtShortDate(p.start) + ' – ' + fmtShortDate(p.end) +
                      (extra.length ? ' · ' + extra.join(' · ') : '')),
                  record && record.text_th ? h('span', {class: 'pattern-record' + (record.verdict === 'better_than_chance' ? '' : ' weak')},
                      'สถิติย้อนหลัง: ' + record.text_th +
                      (record.ticker && record.ticker.cases ? ' · หุ้นตัวนี้ ' + record.ticker.hits + '/' + record.ticker.cases : '')) : null)));
    }));
  }

  function metricByName(report, name) {
    var list = Array.isArray(report.technical_metrics) ? report.technical_metrics : [];
    for (var i = 0; i < list.length; i++) {
      if (list[i].name === name) {
        return list[i];
      }
    }
    return null;
  }

  function keyMetrics(report) {
    var returns = report.returns || {};
    var tiles = [
      tile('เปลี่ยนแปลง 1 วัน', fmtPct(report.price_change_pct), changeClass(report.price_change_pct)),
      tile('5 วัน', fmtPct(returns['5d']), changeClass(returns['5d'])),
      tile('1 เดือน', fmtPct(returns['1m']), changeClass(returns['1m'])),
      tile('ตั้งแต่ต้นปี', fmtPct(returns.ytd), changeClass(returns.ytd))
    ];
    ['rsi_14', 'sma_50', 'sma_200', 'volume_ratio', 'volatility_30d', 'max_drawdown_1y'].forEach(function (name) {
      var m = metricByName(report, name);
      if (m) {
        var digits = name === 'volume_ratio' ? 2 : name.indexOf('sma') === 0 ? null : 1;
        tiles.push(tile(METRIC_TH[name] || name, digits === null ? fmtPrice(m.value) : fmtNumber(m.value, digits),
            'status-' + m.status, STATUS_TH[m.status], metricHint(m)));
      }
    });
    var all = Array.isArray(report.technical_metrics) ? report.technical_metrics : [];
    var details = all.length ? h('details', {class: 'all-metrics'}, h('summary', null, 'ตัวชี้วัดทั้งหมด (' + all.length + ')'),
        h('table', null, h('tbody', null, all.map(function (m) {
          return h('tr', null,
              h('th', {scope: 'row'}, METRIC_TH[m.name] || m.name),
              h('td', null, isNumber(m.value) ? fmtNumber(m.value, Math.abs(m.value) >= 100 ? 0 : 2) : '–'),
              h('td', null, h('span', {class: 'status status-' + m.status}, STATUS_TH[m.status] || m.status)),
              h('td', {class: 'hint'}, metricHint(m)));
        })))) : null;
    return h('section', {class: 'card', id: 'key-metrics'}, h('h2', null, 'ตัวชี้วัดสำคัญ'), h('div', {class: 'tiles'}, tiles), details);
  }

  /** The metric's explanation, and why its value or percentile is missing when it is. */
  function metricHint(m) {
    var en = state.lang === 'en';
    var text = en ? m.explanation || '' : m.explanation_th || m.explanation || '';
    var reason = en ? m.reason : m.reason_th || m.reason;
    return reason ? text + ' (' + reason + ')' : text;
  }

  function tile(label, value, cls, status, title) {
    return h('div', {class: 'tile', title: title || null},
        h('span', {class: 'tile-label'}, label),
        h('span', {class: 'tile-value ' + (cls || '')}, value),
        status ? h('span', {class: 'status ' + (cls || '')}, status) : null);
  }

  function scoreSection(report) {
    var scores = Array.isArray(report.key_scores) ? report.key_scores : [];
    if (!scores.length) {
      return null;
    }
    return h('section', {class: 'card'}, h('h2', null, 'คะแนนเด่น'), h('ul', {class: 'scores'}, scores.map(function (s) {
      var max = isNumber(s.max_score) && s.max_score > 0 ? s.max_score : 10;
      var pct = Math.max(0, Math.min(100, (s.score / max) * 100));
      return h('li', null,
          h('div', {class: 'score-head'}, h('span', null, SCORE_TH[s.category] || s.category),
              h('strong', null, fmtNumber(s.score, 1) + ' / ' + fmtNumber(max, 0))),
          h('div', {class: 'bar', 'aria-hidden': 'true'}, h('span', {style: 'width:' + pct.toFixed(0) + '%'})),
          s.rationale_th || s.rationale ? h('small', {class: 'hint'}, s.rationale_th || s.rationale) : null);
    })));
  }

  function narrativeSection(report, lang) {
    var body = h('div', {class: 'narrative-body', id: 'narrative', lang: lang});
    var buttons = ['th', 'en'].map(function (code) {
      return h('button', {type: 'button', class: 'toggle', 'data-lang': code, 'aria-pressed': code === lang ? 'true' : 'false',
        onclick: function () {
          state.lang = code;
          try { localStorage.setItem('dr.lang', code); } catch (e) { /* storage disabled */ }
          buttons.forEach(function (b) { b.setAttribute('aria-pressed', b.getAttribute('data-lang') === code ? 'true' : 'false'); });
          fillNarrative(body, report, code);
        }}, code === 'th' ? 'ไทย' : 'English');
    });
    fillNarrative(body, report, lang);
    return h('section', {class: 'card narrative'},
        h('div', {class: 'section-head'}, h('h2', null, 'บทวิเคราะห์'), h('div', {class: 'lang-toggle', role: 'group', 'aria-label': 'ภาษา'}, buttons)),
        body);
  }

  function fillNarrative(body, report, lang) {
    body.textContent = '';
    body.setAttribute('lang', lang);
    var text = lang === 'en' ? report.narrative_report_en || report.narrative_report : report.narrative_report || report.narrative_report_en;
    (text || '').split(/\n{2,}/).forEach(function (para) {
      if (para.trim()) {
        body.appendChild(h('p', null, para.trim()));
      }
    });
    var summary = lang === 'en' ? report.summary_sections_en || report.summary_sections : report.summary_sections;
    if (summary) {
      var titles = lang === 'en'
          ? {key_takeaways: 'Key takeaways', price_drivers: 'Price drivers', risks_to_watch: 'Risks to watch'}
          : {key_takeaways: 'ประเด็นสำคัญ', price_drivers: 'ปัจจัยขับเคลื่อนราคา', risks_to_watch: 'ความเสี่ยงที่ต้องติดตาม'};
      Object.keys(titles).forEach(function (key) {
        var items = Array.isArray(summary[key]) ? summary[key] : [];
        if (items.length) {
          body.appendChild(h('h3', null, titles[key]));
          body.appendChild(h('ul', null, items.map(function (t) { return h('li', null, t); })));
        }
      });
    }
  }

  function riskSection(report) {
    var risk = report.risk || {};
    var bullets = (state.lang === 'en' ? risk.risk_bullets : risk.risk_bullets_th || risk.risk_bullets) || [];
    if (!bullets.length) {
      return null;
    }
    return h('section', {class: 'card'}, h('h2', null, 'ความเสี่ยง' + (risk.risk_level ? ' (' + (RISK_TH[risk.risk_level] || risk.risk_level) + ')' : '')),
        h('ul', {class: 'bullets'}, bullets.map(function (b) { return h('li', null, b); })));
  }

  /* ------------------------------------------------------------------ chart */

  var echartsPromise = null;

  function loadECharts() {
    if (window.echarts) {
      return Promise.resolve(window.echarts);
    }
    if (!echartsPromise) {
      echartsPromise = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = 'vendor/echarts.min.js';
        script.onload = function () {
          if (window.echarts) {
            resolve(window.echarts);
          } else {
            reject(new Error('echarts did not load'));
          }
        };
        script.onerror = function () {
          echartsPromise = null;
          reject(new Error('echarts could not be loaded'));
        };
        document.head.appendChild(script);
      });
    }
    return echartsPromise;
  }

  function cssVar(name, fallback) {
    var value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
  }

  function alpha(hex, a) {
    var m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
    if (!m) {
      return hex;
    }
    return 'rgba(' + parseInt(m[1], 16) + ',' + parseInt(m[2], 16) + ',' + parseInt(m[3], 16) + ',' + a + ')';
  }

  /*
   * The chart option for a report: candlesticks (+ volume) and, per chart pattern, a line through
   * its points, a shaded box from its first to its last point, and a label "name · confidence".
   * Returns {option, drawn} where drawn counts the pattern overlays added.
   */
  function chartOption(report, narrow) {
    var bars = Array.isArray(report.price_history) ? report.price_history : [];
    var dates = bars.map(function (b) { return b.date; });
    var index = {};
    dates.forEach(function (d, i) { index[d] = i; });
    var text = cssVar('--text', '#111827');
    var hint = cssVar('--hint', '#6b7280');
    var bg = cssVar('--bg', '#ffffff');
    var grid = cssVar('--border', '#e5e7eb');

    var series = [{
      type: 'candlestick',
      name: 'ราคา',
      data: bars.map(function (b) { return [b.open, b.close, b.low, b.high]; }),
      itemStyle: {color: COLORS.candleUp, color0: COLORS.candleDown, borderColor: COLORS.candleUp, borderColor0: COLORS.candleDown},
      barMaxWidth: 10,
      z: 2
    }, {
      type: 'bar',
      name: 'วอลุ่ม',
      xAxisIndex: 1,
      yAxisIndex: 1,
      data: bars.map(function (b) {
        return {value: b.volume, itemStyle: {color: alpha(b.close >= b.open ? COLORS.candleUp : COLORS.candleDown, 0.45)}};
      }),
      barMaxWidth: 10
    }];

    var patterns = Array.isArray(report.chart_patterns) ? report.chart_patterns : [];
    var drawn = 0;
    var earliest = dates.length;
    patterns.forEach(function (p, i) {
      var points = Object.keys(p.points || {}).map(function (key) {
        var pt = p.points[key];
        return Array.isArray(pt) && pt.length === 2 && index[pt[0]] !== undefined && isNumber(pt[1])
            ? {name: key, date: pt[0], price: pt[1]} : null;
      }).filter(Boolean).sort(function (a, b) { return index[a.date] - index[b.date]; });
      if (points.length < 2) {
        return;
      }
      var color = p.live === false ? COLORS.neutral : (COLORS[p.direction] || COLORS.neutral);
      var first = points[0];
      var last = points[points.length - 1];
      var prices = points.map(function (q) { return q.price; });
      var lo = Math.min.apply(null, prices);
      var hi = Math.max.apply(null, prices);
      earliest = Math.min(earliest, index[first.date]);
      var name = patternName(p, 'th');
      var label = (i + 1) + '. ' + (narrow ? name.replace(/\s*\(.*\)$/, '') : name) + ' · ' +
          (p.live === false && p.state_th ? p.state_th : (CONFIDENCE_TH[p.confidence] || p.confidence));
      // the pattern's points joined by a line (dashed when neutral) …
      series.push({
        type: 'line',
        name: name,
        id: 'pattern-' + i,
        data: points.map(function (q) { return {value: [q.date, q.price], name: q.name}; }),
        lineStyle: {color: color, width: 2, type: p.direction === 'bullish' || p.direction === 'bearish' ? 'solid' : 'dashed'},
        itemStyle: {color: color},
        symbol: 'circle',
        symbolSize: 6,
        z: 5,
        label: {show: !narrow, formatter: '{b}', position: 'top', color: color, fontSize: 10, fontWeight: 'bold'},
        tooltip: {trigger: 'item', formatter: function (params) {
          return name + ' (' + (CONFIDENCE_TH[p.confidence] || p.confidence) + ')<br>' + params.name + ': ' + params.value[0] + ' @ ' + fmtPrice(params.value[1]);
        }},
        // … its region from the first to the last point, shaded under the candles …
        markArea: {
          silent: true,
          z: 1,
          itemStyle: {color: alpha(color, 0.10), borderColor: alpha(color, 0.55), borderWidth: 1, borderType: 'dashed'},
          label: {show: false},
          data: [[{xAxis: first.date, yAxis: lo}, {xAxis: last.date, yAxis: hi}]]
        }
      });
      // … and its label "name · confidence" in a corner of the region, on an invisible point
      // of its own series one layer above every line (a region's own label would sit under them)
      var top = i % 2 === 0;
      series.push({
        type: 'scatter',
        name: name,
        id: 'pattern-label-' + i,
        silent: true,
        tooltip: {show: false},
        symbolSize: 1,
        itemStyle: {color: 'rgba(0,0,0,0)', opacity: 1}, // scatter points default to 0.8, and so would the label
        z: 6,
        data: [[first.date, top ? hi : lo]],
        label: {
          show: true,
          formatter: function () { return label; },
          position: top ? [4, 4] : [4, narrow ? -19 : -20],
          color: color,
          fontSize: narrow ? 10 : 11,
          fontWeight: 'bold',
          opacity: 1,
          backgroundColor: alpha(/^#[0-9a-f]{6}$/i.test(bg) ? bg : '#ffffff', 0.9),
          padding: [2, 4],
          borderRadius: 3
        },
        labelLayout: {moveOverlap: 'shiftY'}
      });
      drawn++;
    });

    // show the last ~120 bars, or from a little before the earliest pattern
    var startIndex = Math.max(0, Math.min(dates.length - (narrow ? 90 : 120), earliest - 5));
    var option = {
      animation: false,
      backgroundColor: 'transparent',
      textStyle: {fontFamily: getComputedStyle(document.body).fontFamily},
      grid: [
        {left: 8, right: narrow ? 48 : 56, top: 12, bottom: 104},
        {left: 8, right: narrow ? 48 : 56, height: 44, bottom: 44}
      ],
      tooltip: {
        trigger: 'axis',
        confine: true,
        axisPointer: {type: 'cross', label: {backgroundColor: hint}},
        formatter: function (items) {
          var item = (items || []).filter(function (x) { return x.seriesType === 'candlestick'; })[0];
          if (!item) {
            return '';
          }
          var b = bars[item.dataIndex];
          return fmtDate(b.date) + '<br>เปิด ' + fmtPrice(b.open) + ' · สูง ' + fmtPrice(b.high) +
              '<br>ต่ำ ' + fmtPrice(b.low) + ' · ปิด ' + fmtPrice(b.close) + '<br>วอลุ่ม ' + fmtNumber(b.volume, 0);
        }
      },
      axisPointer: {link: [{xAxisIndex: 'all'}]},
      xAxis: [{
        type: 'category', data: dates, boundaryGap: true, axisLine: {lineStyle: {color: grid}},
        axisLabel: {show: false}, axisTick: {show: false}
      }, {
        type: 'category', gridIndex: 1, data: dates, boundaryGap: true, axisLine: {lineStyle: {color: grid}},
        axisTick: {show: false},
        axisLabel: {color: hint, fontSize: 10, hideOverlap: true, formatter: function (d) { return fmtShortDate(d); }}
      }],
      yAxis: [{
        scale: true, position: 'right', splitNumber: 4,
        axisLabel: {color: hint, fontSize: 10, formatter: function (v) { return fmtPrice(v); }},
        splitLine: {lineStyle: {color: grid, type: 'dashed'}}
      }, {
        scale: true, gridIndex: 1, position: 'right', splitNumber: 1,
        axisLabel: {show: false}, axisLine: {show: false}, axisTick: {show: false}, splitLine: {show: false}
      }],
      dataZoom: [
        {type: 'inside', xAxisIndex: [0, 1], startValue: startIndex, endValue: dates.length - 1, zoomOnMouseWheel: true,
          moveOnMouseMove: true, moveOnMouseWheel: false, preventDefaultMouseMove: false},
        {type: 'slider', xAxisIndex: [0, 1], startValue: startIndex, endValue: dates.length - 1, height: 18, bottom: 8,
          borderColor: grid, textStyle: {color: hint, fontSize: 9}, showDetail: false, brushSelect: false}
      ],
      series: series
    };
    return {option: option, drawn: drawn, text: text};
  }

  function drawChart(container, report) {
    disposeChart();
    var narrow = container.clientWidth < 480;
    var chart = window.echarts.init(container, null, {renderer: 'canvas'});
    var built = chartOption(report, narrow);
    state.chart = {instance: chart, report: report, container: container, narrow: narrow};
    chart.setOption(built.option, true);
    container.setAttribute('data-patterns-drawn', String(built.drawn));
    var marked = false;
    function ready() {
      if (!marked) {
        marked = true;
        container.setAttribute('data-ready', 'true');
      }
    }
    chart.on('finished', ready);
    setTimeout(ready, 1500); // 'finished' is the norm; this only guards an old renderer
    if (typeof ResizeObserver === 'function') {
      state.resizeObserver = new ResizeObserver(function () {
        if (!state.chart) {
          return;
        }
        var nowNarrow = container.clientWidth < 480;
        if (nowNarrow !== state.chart.narrow) {
          state.chart.narrow = nowNarrow;
          chart.setOption(chartOption(report, nowNarrow).option, true);
        }
        chart.resize();
      });
      state.resizeObserver.observe(container);
    } else {
      window.addEventListener('resize', onWindowResize);
    }
  }

  function onWindowResize() {
    if (state.chart) {
      state.chart.instance.resize();
    }
  }

  function redrawChart() {
    if (state.chart) {
      state.chart.instance.setOption(chartOption(state.chart.report, state.chart.narrow).option, true);
    }
  }

  function zoomToPattern(p) {
    if (!state.chart) {
      return;
    }
    var dates = (state.chart.report.price_history || []).map(function (b) { return b.date; });
    var start = dates.indexOf(p.start);
    var end = dates.indexOf(p.end);
    if (start < 0 || end < 0) {
      return;
    }
    var pad = Math.max(5, Math.round((end - start) * 0.25));
    state.chart.instance.dispatchAction({type: 'dataZoom', startValue: Math.max(0, start - pad), endValue: Math.min(dates.length - 1, end + pad)});
    state.chart.container.scrollIntoView({behavior: 'smooth', block: 'center'});
  }

  function disposeChart() {
    if (state.resizeObserver) {
      state.resizeObserver.disconnect();
      state.resizeObserver = null;
    }
    window.removeEventListener('resize', onWindowResize);
    if (state.chart) {
      state.chart.instance.dispose();
      state.chart = null;
    }
  }

  /* ------------------------------------------------------------------ watchlist */

  function openInTelegram() {
    return h('div', {class: 'notice', id: 'open-in-telegram'},
        h('p', {class: 'error-title'}, 'เปิดใน Telegram เพื่อใช้รายการโปรด'),
        h('p', null, 'รายการโปรดผูกกับบัญชี Telegram ของคุณ กรุณาเปิดหน้านี้จากบอท DR Daily Report ใน Telegram'));
  }

  function loadWatchlist() {
    return api('/watchlist', {auth: true}).then(function (data) {
      state.watchlist = new Set((data.tickers || []).map(function (t) { return t.ticker; }));
      return data;
    });
  }

  function showWatchlist() {
    var nav = state.nav;
    setView(h('section', {class: 'watchlist'}, h('h1', {class: 'title'}, 'รายการโปรด'), h('p', {class: 'loading'}, 'กำลังโหลด…')));
    telegramReady.then(function () {
      if (nav !== state.nav) {
        return null;
      }
      var section = h('section', {class: 'watchlist'}, h('h1', {class: 'title'}, 'รายการโปรด'));
      if (!inTelegram()) {
        section.appendChild(openInTelegram());
        setView(section);
        return null;
      }
      return loadWatchlist().then(function (data) {
        if (nav !== state.nav) {
          return;
        }
        var items = data.tickers || [];
        if (!items.length) {
          section.appendChild(h('p', {class: 'empty'}, 'ยังไม่มีหุ้นในรายการโปรด เปิดหน้าหุ้นแล้วกด “เพิ่มในรายการโปรด”'));
        } else {
          section.appendChild(h('ul', {class: 'ticker-list', id: 'watchlist-list'}, items.map(function (t) {
            var li = h('li', null, h('div', {class: 'row'},
                h('a', {class: 'name', href: tickerHref(t.ticker), 'data-ticker': t.ticker}, h('strong', null, t.ticker), h('small', null, t.company_name || '')),
                h('button', {type: 'button', class: 'button secondary small', 'aria-label': 'ลบ ' + t.ticker + ' ออกจากรายการโปรด',
                  onclick: function (e) {
                    var button = e.currentTarget;
                    button.disabled = true;
                    api('/watchlist/' + encodeURIComponent(t.ticker), {method: 'DELETE', auth: true}).then(function () {
                      if (state.watchlist) {
                        state.watchlist.delete(t.ticker);
                      }
                      li.remove();
                    }, function (error) {
                      button.disabled = false;
                      section.appendChild(errorBox(error));
                    });
                  }}, 'ลบ')));
            return li;
          })));
        }
        setView(section);
      }, function (error) {
        if (nav !== state.nav) {
          return;
        }
        section.appendChild(error.code === 'UNAUTHORIZED' ? openInTelegram() : errorBox(error, showWatchlist));
        setView(section);
      });
    });
  }

  /* The add/remove button on a report (a hint outside Telegram). */
  function watchlistAction(ticker) {
    var box = h('div', {class: 'actions', id: 'watchlist-action'});
    telegramReady.then(function () {
      if (!inTelegram()) {
        box.appendChild(h('p', {class: 'hint'}, 'เปิดใน Telegram เพื่อเพิ่มหุ้นนี้ในรายการโปรด'));
        return;
      }
      var button = h('button', {type: 'button', class: 'button'}, '…');
      function paint() {
        var on = state.watchlist && state.watchlist.has(ticker);
        button.textContent = on ? '★ อยู่ในรายการโปรด (แตะเพื่อลบ)' : '☆ เพิ่มในรายการโปรด';
        button.classList.toggle('secondary', !!on);
      }
      button.addEventListener('click', function () {
        var on = state.watchlist && state.watchlist.has(ticker);
        button.disabled = true;
        var call = on ? api('/watchlist/' + encodeURIComponent(ticker), {method: 'DELETE', auth: true})
            : api('/watchlist', {method: 'POST', auth: true, body: {ticker: ticker}});
        call.then(function () {
          state.watchlist = state.watchlist || new Set();
          if (on) {
            state.watchlist.delete(ticker);
          } else {
            state.watchlist.add(ticker);
          }
          if (state.webApp && state.webApp.HapticFeedback) {
            try { state.webApp.HapticFeedback.notificationOccurred('success'); } catch (e) { /* old client */ }
          }
        }, function (error) {
          box.appendChild(errorBox(error));
        }).finally(function () {
          button.disabled = false;
          paint();
        });
      });
      box.appendChild(button);
      (state.watchlist ? Promise.resolve() : loadWatchlist()).then(paint, function () { paint(); });
    });
    return box;
  }

  /* ------------------------------------------------------------------ start */

  function readLang() {
    try {
      return localStorage.getItem('dr.lang') === 'en' ? 'en' : 'th';
    } catch (e) {
      return 'th';
    }
  }

  /*
   * A link into one ticker opens its report: ?ticker=NVDA19 (the LINE card's button) or Telegram's
   * startapp parameter (tgWebAppStartParam in the launch parameters). An explicit #/ route wins.
   */
  function deepLinkTicker() {
    var ticker = null;
    try {
      ticker = new URLSearchParams(location.search).get('ticker');
    } catch (e) {
      ticker = null;
    }
    if (!ticker && launch && launch.params) {
      ticker = launch.params.tgWebAppStartParam || null;
    }
    if (ticker && /^[A-Za-z0-9.\-]{1,20}$/.test(ticker) && (location.hash || '').indexOf('#/') !== 0) {
      // Telegram's launch parameters were read (and kept for the SDK) above
      history.replaceState(null, '', location.pathname + location.search + '#/ticker/' + encodeURIComponent(ticker.toUpperCase()));
    }
  }

  function start() {
    setupSearch();
    deepLinkTicker();
    window.addEventListener('hashchange', route);
    route();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
