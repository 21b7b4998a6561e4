// The popup's first paint: its header and «Открываем ваш реестр…» in the interface language,
// put in place while the page is parsed (a classic script runs then; the page's modules run
// only after, and Chromium paints before they have). React then renders the same markup over
// it (components/popup/PopupShell.tsx; tests/unit/popup-shell.test.ts keeps them equal).
(function () {
  var texts = {
    ru: { brand: 'Сводка', hello: 'Здравствуйте!', opening: 'Открываем ваш реестр…' },
    en: { brand: 'Svodka', hello: 'Hello!', opening: 'Opening your register…' },
  };
  var locale = 'ru';
  try {
    if (localStorage.getItem('svodka:locale') === 'en') locale = 'en';
  } catch {
    // storage blocked: the default language
  }
  var text = texts[locale];
  var element = function (tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content) node.textContent = content;
    return node;
  };
  var main = element('main', 'popup stack');
  var header = element('header');
  header.append(element('div', 'brand', text.brand), element('h1', '', text.hello));
  main.append(header, element('p', 'muted', text.opening));
  document.documentElement.lang = locale;
  document.getElementById('root').replaceChildren(main);
  performance.mark('svodka:popup:first-render');
})();
