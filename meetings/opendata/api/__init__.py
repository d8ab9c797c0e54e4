"""The read-only JSON API under /api/: detail endpoints, list endpoints and their documentation."""
