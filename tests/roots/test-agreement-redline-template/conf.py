# A site with its own redline template: _templates/agreement-redline.html
# extends the extension's agreement-redline-base.html and replaces blocks
# (it is the example of the authoring guide, "Your own redline template").
# Tests also build it with templates_path = ["_templates_whole"] (a template
# that replaces the whole page) and with none (the extension's own).
extensions = ["agreement"]
exclude_patterns = ["_build"]
html_theme = "furo"
templates_path = ["_templates"]
# The titles keep their straight quotes, to show how they are escaped.
smartquotes = False
