"""The application jobs: wiring spiders, pipeline, warehouse and reports into whole runs.

`yuqi.cli` calls these; nothing below `yuqi` imports them.
"""
