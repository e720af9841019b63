# Production image: build a virtualenv in one stage, run it as a non-root user in the next.
FROM python:3.11-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /src
RUN python -m venv /opt/hkte
COPY pyproject.toml README.md ./
COPY api ./api
COPY domain ./domain
COPY adapters ./adapters
COPY migrations ./migrations
RUN /opt/hkte/bin/pip install .

FROM python:3.11-slim AS runtime
RUN groupadd --system hkte && useradd --system --gid hkte --home-dir /nonexistent --shell /usr/sbin/nologin hkte
COPY --from=build /opt/hkte /opt/hkte
ENV PATH=/opt/hkte/bin:$PATH PYTHONUNBUFFERED=1 HOST=0.0.0.0 PORT=8000
USER hkte
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
  CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health/ready', timeout=2).status != 200)"
# DATABASE_URL must be set: in a container the service never starts a PostgreSQL of its own.
CMD ["hkte", "serve"]
