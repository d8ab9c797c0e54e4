"""Shared by the ingest test modules: an HTTP server on 127.0.0.1 serving pages and feeds written
for the tests (nothing reaches the internet), and an extractor that returns what it is told."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# A saved press release: the article among navigation, a script, a cookie banner and a footer.
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Foreign Ministers of Azerbaijan and Russia met in Baku | Ministry of Foreign Affairs</title>
<meta property="og:title" content="Foreign Ministers of Azerbaijan and Russia met in Baku">
<meta property="og:site_name" content="Ministry of Foreign Affairs of Azerbaijan">
<meta property="article:published_time" content="2021-03-04T10:00:00+04:00">
<link rel="canonical" href="https://mfa.example.org/news/2021/lavrov-bayramov">
<script>var tracking = "window.dataLayer"; function banner() { return "Accept all cookies"; }</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/contacts">Contacts</a></li></ul></nav>
<div class="cookie-banner">We use cookies. Accept all cookies</div>
<article>
<h1>Foreign Ministers of Azerbaijan and Russia met in Baku</h1>
<p>On 4 March 2021, Foreign Minister of Azerbaijan Jeyhun Bayramov met with Foreign Minister of Russia Sergey Lavrov in Baku.</p>
<p>The ministers discussed the implementation of the trilateral statement and regional transport links.</p>
<p>“We value the strategic partnership between our countries and will keep working together,” Sergey Lavrov said.</p>
</article>
<footer><p>© 2021 Ministry of Foreign Affairs. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


class Route:
    """What the server answers at one path: a status, a content type and a body (or a callable
    `body(handler)` that writes the response itself)."""

    def __init__(self, body=b"", content_type="text/html; charset=utf-8", status=200, headers=None):
        self.body = body.encode("utf-8") if isinstance(body, str) else body
        self.content_type = content_type
        self.status = status
        self.headers = headers or {}


class LocalServer:
    """`routes`: path → Route; `requests`: (path, headers) of every request, in order."""

    def __init__(self):
        self.routes = {}
        self.requests = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the name http.server calls
                server.requests.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                if callable(route.body):
                    route.body(self)
                    return
                etag = route.headers.get("ETag")
                if etag and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(route.body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path):
        return f"http://127.0.0.1:{self.httpd.server_port}{path}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def participant(name, country, role="Foreign Minister", mentions=(), **extra):
    return {
        "name": name,
        "country": country,
        "role": role,
        "organization": None,
        "mentions": list(mentions),
    } | extra


def meeting(date, participants, statements=(), city="Baku", country="AZ", **extra):
    return {
        "date": date,
        "city": city,
        "country": country,
        "kind": "in_person",
        "participants": participants,
        "statements": list(statements),
    } | extra


def extraction(*meetings, organizations=(), people=(), title="A meeting"):
    return {
        "title": title,
        "published": None,
        "meetings": list(meetings),
        "organizations": list(organizations),
        "people": list(people),
    }


class TextExtractor:
    """Like Extractor.extract_many; `outputs(text)` gives the extraction of a text (and every text
    it saw is kept, so a test can check what the extractor was handed)."""

    def __init__(self, outputs=None):
        self.outputs = outputs or (lambda text: extraction())
        self.texts = []

    def extract_many(self, items, batch_size=16):
        for name, text in items:
            self.texts.append(text)
            yield {"document": name, **self.outputs(text)}


def make_pdf(lines, title=""):
    """A one-page PDF whose text layer holds `lines` (Helvetica; empty `lines`: a page with no text,
    as a scan without OCR has), written by hand so the tests need no PDF writer."""
    content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(
        "({}) '".format(line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")) for line in lines
    )
    content += " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        f"<< /Title ({title}) /CreationDate (D:20210304100000Z) >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
