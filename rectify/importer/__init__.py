"""Reading rectification reports: sources → text → records (pure) → database (load.py only)."""
