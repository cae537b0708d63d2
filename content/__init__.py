"""Media library: ad files and their catalog (Qt-free)."""
