"""The only way WeasyPrint may load anything: files under the report assets folder, read from disk.

No network, no data: URLs, no `file://` outside the folder (after resolving `..` and symlinks).
A refused URL raises, which WeasyPrint logs and skips; the report still renders.
"""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from django.conf import settings
from weasyprint.urls import URLFetcher, URLFetcherResponse

REFUSED = "Report assets come only from the report assets folder; refused {url!r}"

CONTENT_TYPES = {
    ".css": "text/css",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".png": "image/png",
    ".svg": "image/svg+xml",
}


def assets_dir():
    return Path(settings.REPORTS_ASSETS_DIR).resolve()


def assets_base_url():
    # The trailing slash makes relative references ("report.css") resolve inside the folder.
    return assets_dir().as_uri() + "/"


class AssetOnlyFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that serves files below `root` and refuses everything else."""

    def __init__(self, root=None):
        super().__init__(allowed_protocols=("file",), allow_redirects=False, fail_on_errors=False)
        self.root = Path(root).resolve() if root else assets_dir()
        self.requested = []  # every URL WeasyPrint asked for, in order (tests read it)

    def path_for(self, url):
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost") or parts.query:
            raise ValueError(REFUSED.format(url=url))
        path = Path(url2pathname(unquote(parts.path))).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            raise ValueError(REFUSED.format(url=url))
        return path

    def fetch(self, url, headers=None):
        self.requested.append(url)
        path = self.path_for(url)
        content_type = CONTENT_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0]
        return URLFetcherResponse(
            path.as_uri(), body=path.read_bytes(), headers={"Content-Type": content_type or "application/octet-stream"}
        )
