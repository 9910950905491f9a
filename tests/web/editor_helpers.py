"""Reading the editor's form back as a browser would send it."""

from __future__ import annotations

from html.parser import HTMLParser


class FormFields(HTMLParser):
    """The fields of the page's form class="editor": inputs, textareas, selected options."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.fields = {}
        self._in_form = False
        self._area = None
        self._select = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and "editor" in (a.get("class") or ""):
            self._in_form = True
        if not self._in_form:
            return
        if tag == "input" and a.get("type") != "checkbox" and a.get("name"):
            self.fields[a["name"]] = a.get("value") or ""
        elif tag == "input" and "checked" in a:
            self.fields[a["name"]] = a.get("value") or "on"
        elif tag == "textarea":
            self._area = a["name"]
            self.fields[self._area] = ""
        elif tag == "select":
            self._select = a["name"]
            self.fields.setdefault(self._select, None)
        elif tag == "option" and self._select:
            if "selected" in a or self.fields[self._select] is None:
                self.fields[self._select] = a.get("value", "")

    def handle_data(self, data):
        if self._area:
            self.fields[self._area] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            if self.fields[self._area].startswith("\n"):
                self.fields[self._area] = self.fields[self._area][1:]
            self._area = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self._in_form = False


def form_of(html):
    """The editor form's fields {name: value}, as a browser would send them."""
    return {k: v for k, v in FormFields(html).fields.items() if v is not None}
