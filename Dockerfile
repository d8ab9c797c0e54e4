# The archive's web app: Django under gunicorn, on Python 3.11.
# docker-compose.yml runs it beside PostgreSQL; see "Docker Compose" in README.md.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    WEB_CONCURRENCY=3

WORKDIR /app

# The dependencies first, so that changing the code does not reinstall them.
COPY pyproject.toml README.md ./
RUN pip install .

COPY . .
# collectstatic writes to /app/staticfiles at start-up, as the unprivileged user.
RUN useradd --system --create-home archive \
    && mkdir -p /app/staticfiles \
    && chown archive /app/staticfiles
USER archive

EXPOSE 8000
CMD ["gunicorn", "archive.wsgi:application", "--bind", "0.0.0.0:8000", "--access-logfile", "-"]
