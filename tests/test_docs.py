"""The Quarto-free docs site: `pwm-flow-docs` (pwm_flow.docs, nbs/17_docs.ipynb) renders every notebook in nbs/ (prose, math, API docs of exported
names, stored plots) into a static site, and headless Chromium shows each page with its math typeset and its
images loaded. The build runs on a copy of nbs/ plus a fixture notebook holding a stored matplotlib figure,
standing in for the analysis notebooks. Without Chromium the browser checks skip, unless
PWM_FLOW_REQUIRE_BROWSER=1 (CI), where they fail."""
import ast, base64, functools, http.server, io, json, os, re, shutil, subprocess, sys, threading
from pathlib import Path

import pytest
import yaml
from nbdev.doclinks import _nbpath2html  # the page name nbdev gives a notebook (02_flow.ipynb -> flow.html)

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM, CHROMEDRIVER = Path('/usr/bin/chromium'), Path('/usr/bin/chromedriver')
DOCS = Path(sys.executable).parent / 'pwm-flow-docs'
FIXTURE = '99_docs_fixture.ipynb'
FIXTURE_MATH = r'\int_0^1 v^*\,d\tau = z_{tgt} - z_s'


def source_nbs(nbs: Path) -> list[Path]:
    "The notebooks nbdev documents: every .ipynb not starting with `_` or `.`."
    return sorted(p for p in nbs.glob('*.ipynb') if not p.name.startswith(('_', '.')))


def cells(path: Path) -> list[dict]:
    return [dict(c, source=''.join(c['source'])) for c in json.loads(path.read_text())['cells']]


def title_of(path: Path) -> str:
    return re.search(r'^#\s+(.+?)\s*$', next(c['source'] for c in cells(path) if c['cell_type'] == 'markdown'), re.M)[1]


def page_of(path: Path) -> str:
    return 'index.html' if path.name == 'index.ipynb' else _nbpath2html(path).name


def plain(s: str) -> str:
    "Whitespace and quotes normalised (Sphinx typesets ' and \" as curly quotes)."
    return ' '.join(s.translate(str.maketrans('\u2018\u2019\u201c\u201d', "''\"\"")).split())


def first_prose(path: Path) -> str | None:
    "A plain-text phrase from the first prose after the notebook's title and summary (None if it has no prose)."
    md = [c['source'] for c in cells(path) if c['cell_type'] == 'markdown']
    text = re.sub(r'^#\s.*$|^>\s.*$', '', '\n'.join(md[:2]), count=2, flags=re.M)
    for line in text.splitlines():
        runs = re.split(r'\$[^$]*\$|`[^`]*`|[*_\[\]()<>#|\\]', line.strip().lstrip('-').strip())
        best = max((r.strip() for r in runs), key=len, default='')
        if len(best) >= 12: return best


def exported_names(path: Path) -> list[str]:
    "Public functions and classes defined in the notebook's `#| export` cells (nbdev adds show_doc for each), as headed."
    out = []
    for c in cells(path):
        if c['cell_type'] == 'code' and re.match(r'\s*#\|\s*exports?\s*$', c['source'].splitlines()[0] if c['source'] else ''):
            out += [shown_name(n) for n in ast.parse(c['source']).body
                    if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and not n.name.startswith('_')]
    return out


def shown_name(n: ast.FunctionDef | ast.ClassDef) -> str:
    "The heading nbdev gives a definition: `Class.method` for a method added with fastcore's `@patch`."
    if isinstance(n, ast.FunctionDef) and any(isinstance(d, ast.Name) and d.id == 'patch' for d in n.decorator_list):
        return f'{n.args.args[0].annotation.id}.{n.name}'
    return n.name


def fixture_notebook() -> dict:
    "An analysis-style notebook: prose with math and a code cell whose matplotlib figure is stored, not re-run."
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(4, 2.5), dpi=60)
    ax.plot(range(10), [x * x for x in range(10)], label='reward')
    ax.legend()
    buf = io.BytesIO()
    fig.savefig(buf, format='png')
    plt.close(fig)
    md = lambda s: {'cell_type': 'markdown', 'metadata': {}, 'source': s}
    return {'nbformat': 4, 'nbformat_minor': 5, 'metadata': {'kernelspec': {'name': 'python3', 'display_name': 'Python 3',
                                                                          'language': 'python'}},
            'cells': [md('# Docs fixture\n\n> A stored plot, as the analysis notebooks keep theirs.'),
                      md(f'The fixture checks stored figures and display math:\n\n$${FIXTURE_MATH}$$'),
                      {'cell_type': 'code', 'execution_count': 1, 'metadata': {},
                       'source': "import matplotlib.pyplot as plt\nplt.plot(range(10), [x * x for x in range(10)], label='reward')",
                       'outputs': [{'output_type': 'display_data', 'metadata': {},
                                    'data': {'image/png': base64.b64encode(buf.getvalue()).decode(),
                                             'text/plain': '<Figure size 240x150 with 1 Axes>'}}]}]}


def project(proj: Path, nbs: Path) -> Path:
    "An nbdev project in `proj`: this project's settings.ini and a copy of the notebooks in `nbs`."
    proj.mkdir(exist_ok=True)
    shutil.copy(ROOT / 'settings.ini', proj)
    shutil.copytree(nbs, proj / 'nbs', ignore=shutil.ignore_patterns('sidebar.yml', 'nbdev.yml', '.ipynb_checkpoints'))
    return proj


@pytest.fixture(scope='module')
def built(tmp_path_factory):
    "A copy of the project's settings.ini and nbs/ (plus the fixture notebook), built with `pwm-flow-docs`."
    proj = project(tmp_path_factory.mktemp('docs_project'), ROOT / 'nbs')
    (proj / 'nbs' / FIXTURE).write_text(json.dumps(fixture_notebook()))
    r = subprocess.run([str(DOCS), 'workers=2'], cwd=proj, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, f'docs build failed:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}'
    assert f"docs: {proj / 'site' / 'index.html'}" in r.stdout
    assert sorted(p.name for p in proj.iterdir()) == ['_proc', 'nbs', 'settings.ini', 'site']  # nothing else beside nbs/
    return proj


def test_sidebar_and_pages(built):
    "_quarto.yml reads nbdev's nbdev.yml and sidebar.yml; the sidebar lists every notebook, home first; each has its page."
    nbs = source_nbs(built / 'nbs')
    contents = yaml.safe_load((built / 'nbs' / 'sidebar.yml').read_text())['website']['sidebar']['contents']
    assert contents[0] == 'index.ipynb' and sorted(contents) == sorted(p.name for p in nbs)
    quarto = yaml.safe_load((ROOT / 'nbs' / '_quarto.yml').read_text())  # what nbdev_docs renders with
    assert quarto['project']['type'] == 'website' and quarto['metadata-files'] == ['nbdev.yml', 'sidebar.yml']
    fm = yaml.safe_load((built / 'nbs' / 'nbdev.yml').read_text())
    assert fm['website']['title'] == 'pwm_flow' and fm['project']['output-dir'] == '_docs'
    index = (built / 'site' / 'index.html').read_text()
    for p in nbs:
        assert (built / 'site' / page_of(p)).exists(), f'no page for {p.name}'
        assert p.name == 'index.ipynb' or f'href="{page_of(p)}"' in index, f'{page_of(p)} not in the navigation'


def test_api_docs_in_html(built):
    "show_doc output for exported names is on the page (no browser needed): heun_step on the flow page."
    flow = (built / 'site' / 'flow.html').read_text()
    assert 'id="heun_step"' in flow and 'heun_step' in flow and 'One Heun substep' in flow


def test_notebook_failing_at_docs_time(tmp_path):
    "A cell nbdev runs for the docs (it has an import) that uses a name from a cell it does not run: one line, status 2."
    nbs = tmp_path / 'src'
    nbs.mkdir()
    md = lambda s: {'cell_type': 'markdown', 'metadata': {}, 'source': s}
    code = lambda s: {'cell_type': 'code', 'execution_count': None, 'metadata': {}, 'outputs': [], 'source': s}
    for name, cells in [('index.ipynb', [md('# Home')]),
                        ('01_mixed.ipynb', [md('# Mixed\n\n> Imports mixed with code.'), code('#| export\ndef f(): "A function with API docs."'),
                                          code('x = 1'), code('import math\ny = x + 1')])]:
        (nbs / name).write_text(json.dumps({'nbformat': 4, 'nbformat_minor': 5, 'metadata': {}, 'cells': cells}))
    r = subprocess.run([str(DOCS), 'workers=1'], cwd=project(tmp_path / 'proj', nbs), capture_output=True, text=True, timeout=300)
    err = [l for l in r.stderr.splitlines() if l.startswith('error:')]
    assert r.returncode == 2 and len(err) == 1, r.stderr[-3000:]
    assert 'in notebook: Mixed' in err[0] and "NameError: name 'x' is not defined" in err[0] and 'cells of their own' in err[0]


# ---- in the browser ----
@pytest.fixture(scope='module')
def browser(built, tmp_path_factory):
    "Headless Chromium on the built site, served on 127.0.0.1; yields get(page) -> driver."
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    try: from selenium import webdriver
    except ImportError: missing.append('selenium (pip install -e ".[docs]")')
    if missing:
        msg = f"headless browser checks need {', '.join(missing)} (apt-get install chromium chromium-driver)"
        if os.environ.get('PWM_FLOW_REQUIRE_BROWSER') == '1': pytest.fail(msg + ' and PWM_FLOW_REQUIRE_BROWSER=1')
        pytest.skip(msg)
    from selenium.webdriver.chrome.service import Service

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a): pass
    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(Quiet, directory=built / 'site'))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for flag in ('--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                 '--disable-background-networking', '--disable-component-update', '--disable-sync',
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium')}", '--window-size=1280,1000'):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)
    driver.set_script_timeout(30)
    driver.set_page_load_timeout(30)

    def get(page: str):
        driver.get(f'http://127.0.0.1:{server.server_address[1]}/{page}')
        # wait for MathJax (pages with math load it) to finish typesetting
        driver.execute_async_script("const done = arguments[arguments.length - 1];"
                                    "if (window.MathJax && MathJax.startup) MathJax.startup.promise.then(() => done(1));"
                                    "else done(0);")
        return driver
    yield get
    driver.quit()
    server.shutdown()


IMAGES_JS = """const done = arguments[arguments.length - 1];
const imgs = [...document.querySelectorAll('img')];
Promise.all(imgs.map(i => { i.loading = 'eager'; return i.decode().catch(() => null); })).then(() =>
  done(imgs.map(i => [i.getAttribute('src'), i.naturalWidth, i.closest('.cell_output') !== null])));"""


def test_pages_in_browser(built, browser):
    "Every page loads with its title and opening prose, its math typeset without TeX errors, and every image visible."
    problems = []
    for nb in source_nbs(built / 'nbs'):
        page, title = page_of(nb), title_of(nb)
        d = browser(page)
        h1 = d.execute_script("const h = document.querySelector('main h1, article h1'); return h ? h.innerText : null")
        if not d.title.startswith(title) or h1 is None or not h1.startswith(title):
            problems.append(f'{page}: title {d.title!r}, h1 {h1!r}, expected {title!r}')
        text = plain(d.execute_script('return document.body.innerText'))
        prose = first_prose(nb)
        if prose and plain(prose) not in text:
            problems.append(f'{page}: opening prose {prose!r} of {nb.name} is missing')
        n_math, n_typeset, n_err = d.execute_script(
            "const m = [...document.querySelectorAll('.math')];"
            "return [m.length, m.filter(e => e.querySelector('mjx-container')).length, "
            "document.querySelectorAll('mjx-merror').length]")
        if n_typeset < n_math or n_err: problems.append(f'{page}: {n_math - n_typeset} math not typeset, {n_err} TeX errors')
        if any('$' in c['source'] for c in cells(nb) if c['cell_type'] == 'markdown') and not n_math:
            problems.append(f'{page}: {nb.name} has math, the page has none')
        for src, width, _ in d.execute_async_script(IMAGES_JS):
            if not width: problems.append(f'{page}: image {src} not visible')
    assert not problems, '\n'.join(problems)


def test_api_docs_in_browser(built, browser):
    "Each exported public function or class has its show_doc heading; heun_step's signature and docstring show."
    problems = []
    for nb in source_nbs(built / 'nbs'):
        names = exported_names(nb)
        if not names: continue
        heads = set(browser(page_of(nb)).execute_script(
            "return [...document.querySelectorAll('h2, h3, h4, .rubric')].map(h => h.innerText.replace(/[#¶]/g, '').trim())"))
        problems += [f'{page_of(nb)}: no API docs for {n}' for n in names if n not in heads]
    assert not problems, '\n'.join(problems)
    text = browser('flow.html').execute_script("return document.getElementById('heun_step').closest('.cell_output').innerText")
    assert 'def heun_step(' in text and 'One Heun substep' in text


def test_stored_plot_and_math_visible(built, browser):
    "The fixture's stored matplotlib figure is on its page and drawn; its display math is typeset."
    d = browser(page_of(built / 'nbs' / FIXTURE))
    plots = [(src, w) for src, w, in_output in d.execute_async_script(IMAGES_JS) if in_output]
    assert plots and all(w > 0 for _, w in plots), plots
    assert d.execute_script("return document.querySelectorAll('div.math mjx-container[display=\"true\"]').length") >= 1
