"""The application jobs: wiring spiders, pipeline, warehouse and reports into whole runs.

`yuqi.cli` calls these; nothing below `yuqi` imports them.
"""

#: What the `yuqi` command's script imports: multiprocessing runs that script again in each
#: worker of a stages pool, so the pools' forkserver imports these once beforehand
#: (`pipeline.stages_server.start_stages_server`).
COMMAND_SCRIPT_IMPORTS = ("yuqi.cli",)
