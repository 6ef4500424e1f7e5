"""The UI in a real browser (Debian's chromium driven by Selenium) against a real server."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from rasd.store import Store
from rasd.store import queries as Q
from rasd.web import create_app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER), reason="needs chromium and chromedriver (`.ci/run` installs them)"
)


@pytest.fixture(scope="module")
def server(sqlite_store: Store) -> Iterator[str]:
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(store=sqlite_store), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1300,900",
    ):
        options.add_argument(arg)
    options.binary_location = CHROMIUM or ""
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER or ""), options=options)
    driver.set_page_load_timeout(30)
    driver.implicitly_wait(10)  # find_element waits for the page a click navigated to
    yield driver
    driver.quit()


def test_navigate_from_overview_to_an_entity_and_its_document(
    server: str, browser: Any, sqlite_store: Store
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver = browser
    driver.get(server + "/")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
    points = driver.find_elements(By.CSS_SELECTOR, "svg.map circle.pt")
    assert len(points) == len(Q.entities(sqlite_store, with_coordinates=True, limit=400))
    # The world map (a shipped SVG) loads: the browser reports its natural size.
    ok = driver.execute_script(
        "return fetch('/static/world.svg').then(r => r.ok && r.headers.get('content-type').includes('svg'))"
    )
    assert ok is True

    driver.find_element(By.CSS_SELECTOR, 'nav a[data-nav="entities"]').click()
    WebDriverWait(driver, 20).until(lambda d: d.current_url.endswith("/entities"))
    first = driver.find_element(By.CSS_SELECTOR, "#entities tbody a.entity")
    name = first.find_element(By.TAG_NAME, "bdi").text
    first.click()
    WebDriverWait(driver, 20).until(lambda d: "/entities/E" in d.current_url)
    assert driver.find_element(By.TAG_NAME, "h1").text.startswith(name)

    snippet = driver.find_element(By.CSS_SELECTOR, "ul.snippets li a")
    snippet.click()
    WebDriverWait(driver, 20).until(lambda d: "/documents/" in d.current_url)
    marks = driver.find_elements(By.CSS_SELECTOR, "article.text mark")
    assert any(m.text == name or name in m.text for m in marks)
    # The anchor in the URL is the mention's start offset, and that mark is the target.
    target = driver.execute_script("return document.querySelector(':target')")
    assert target is not None and target.tag_name == "mark"


def test_claims_filter_shows_only_disagreements(server: str, browser: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver = browser
    driver.get(server + "/claims")
    driver.find_element(By.NAME, "disagreements").click()
    driver.find_element(By.CSS_SELECTOR, "form.filters button").click()
    WebDriverWait(driver, 20).until(lambda d: "disagreements=true" in d.current_url)
    claims = driver.find_elements(By.CSS_SELECTOR, "article.claim")
    assert claims and all("disagree" in c.get_attribute("class") for c in claims)
    rows = claims[0].find_elements(By.CSS_SELECTOR, "table.figures tbody tr")
    assert len(rows) >= 2
