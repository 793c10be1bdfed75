"""JupyterLab, as the design card names it: `make lab` opens the notebooks. A JupyterLab server on 127.0.0.1 with a
token, a notebook opened in headless Chromium, one cell run through the kernel and its output seen on the page,
then the server shut down. Without Chromium the check skips, unless PWM_FLOW_REQUIRE_BROWSER=1 (CI)."""
import json, os, socket, subprocess, sys, time, urllib.request
from pathlib import Path
import pytest

CHROMIUM, CHROMEDRIVER = Path('/usr/bin/chromium'), Path('/usr/bin/chromedriver')
JUPYTER = Path(sys.executable).parent / 'jupyter'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0)); return s.getsockname()[1]


def need(*what):
    missing = [w for w in what if w]
    if missing:
        msg = f"the JupyterLab browser check needs {', '.join(missing)}"
        if os.environ.get('PWM_FLOW_REQUIRE_BROWSER') == '1': pytest.fail(msg + ' and PWM_FLOW_REQUIRE_BROWSER=1')
        pytest.skip(msg)


def test_lab_runs_a_cell_in_the_browser(tmp_path):
    try: from selenium import webdriver
    except ImportError: webdriver = None
    need(*(f'{p}' for p in (CHROMIUM, CHROMEDRIVER, JUPYTER) if not p.exists()), None if webdriver else 'selenium')
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
    from selenium.common.exceptions import ElementClickInterceptedException, ElementNotInteractableException, StaleElementReferenceException
    nb = {'cells': [{'cell_type': 'code', 'execution_count': None, 'id': 'c1', 'metadata': {}, 'outputs': [],
                     'source': "import pwm_flow\nprint('pwm_flow', pwm_flow.__version__, 6 * 7)"}],
          'metadata': {'kernelspec': {'display_name': 'Python 3', 'language': 'python', 'name': 'python3'}},
          'nbformat': 4, 'nbformat_minor': 5}
    (tmp_path / 'check.ipynb').write_text(json.dumps(nb))
    port, token = free_port(), 'pwm-flow-test-token'
    env = {**os.environ, 'JUPYTER_CONFIG_DIR': str(tmp_path / 'config'), 'JUPYTER_RUNTIME_DIR': str(tmp_path / 'runtime'),
           'JUPYTERLAB_SETTINGS_DIR': str(tmp_path / 'settings'), 'JUPYTERLAB_WORKSPACES_DIR': str(tmp_path / 'workspaces')}
    server = subprocess.Popen([str(JUPYTER), 'lab', '--no-browser', '--ip=127.0.0.1', f'--port={port}', f'--IdentityProvider.token={token}',
                               f'--ServerApp.root_dir={tmp_path}', '--ServerApp.port_retries=0', *(['--allow-root'] if os.geteuid() == 0 else [])],
                              env=env, stdout=subprocess.DEVNULL, stderr=open(tmp_path / 'lab.log', 'w'))
    driver = None
    try:
        url = f'http://127.0.0.1:{port}'
        for _ in range(120):  # the server answers its API with the token
            try:
                urllib.request.urlopen(f'{url}/api/status?token={token}', timeout=1); break
            except OSError: time.sleep(0.5)
        else: pytest.fail('JupyterLab did not start: ' + (tmp_path / 'lab.log').read_text()[-2000:])
        opts = webdriver.ChromeOptions()
        opts.binary_location = str(CHROMIUM)
        for flag in ('--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
                     '--disable-component-update', '--disable-sync', f"--user-data-dir={tmp_path / 'chromium'}", '--window-size=1280,1000'):
            opts.add_argument(flag)
        driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)
        driver.get(f'{url}/lab/tree/check.ipynb?token={token}')
        wait = WebDriverWait(driver, 120)
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, '.jp-Notebook .jp-Cell .cm-content'))
        wait.until(lambda d: 'Idle' in d.find_element(By.TAG_NAME, 'body').text or
                   d.find_elements(By.CSS_SELECTOR, '.jp-Notebook-ExecutionIndicator[data-status="idle"]'))
        def run_cell(d) -> bool:  # the editor can exist before it takes clicks (layout still settling): retry until it does
            try:
                editor = d.find_element(By.CSS_SELECTOR, '.jp-Notebook .jp-Cell .cm-content')
                editor.click(); editor.send_keys(Keys.SHIFT, Keys.ENTER)
                return True
            except (ElementClickInterceptedException, ElementNotInteractableException, StaleElementReferenceException): return False
        wait.until(run_cell)
        expected = f"pwm_flow {__import__('pwm_flow').__version__} 42"
        wait.until(lambda d: any(expected in o.text for o in d.find_elements(By.CSS_SELECTOR, '.jp-OutputArea-output')))
    finally:
        if driver is not None: driver.quit()
        try: urllib.request.urlopen(urllib.request.Request(f'http://127.0.0.1:{port}/api/shutdown?token={token}', method='POST'), timeout=5)
        except OSError: pass
        try: server.wait(30)
        except subprocess.TimeoutExpired: server.kill(); server.wait()
    assert server.returncode is not None
