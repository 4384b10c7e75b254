-- Run once on a new PostgreSQL server as a superuser: Kindred's migrations need PostGIS.
CREATE EXTENSION IF NOT EXISTS postgis;
