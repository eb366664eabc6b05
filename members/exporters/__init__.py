"""Downloads of the member register (core.exporters.Exporter), by area."""
