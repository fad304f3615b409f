-- Day or dark for every pin, from the sun's altitude at the pin's place and time. A safety
-- concern raised after dark is about a different place than the same spot at noon, so analysis
-- filters and counts by it.
--
-- sun_altitude is the low-precision solar position of the Astronomical Almanac (good to about
-- 0.01 degrees between 1950 and 2050; angles are left unreduced because only their sines and
-- cosines are used), written in SQL so that a generated column can use it and
-- every way a pin arrives (web, walk, meeting, import) gets the same answer. It is pure
-- arithmetic on the epoch, so IMMUTABLE is true even though extract() on timestamptz is not
-- declared so.
CREATE FUNCTION sun_altitude(at timestamptz, lon double precision, lat double precision)
    RETURNS double precision
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    WITH t AS (
        SELECT extract(epoch FROM at)::double precision / 86400.0 + 2440587.5 - 2451545.0 AS n
    ), ecliptic AS (
        SELECT n,
               radians(280.460 + 0.9856474 * n) AS mean_lon,
               radians(357.528 + 0.9856003 * n) AS anomaly,
               radians(23.439 - 0.0000004 * n) AS obliquity
        FROM t
    ), sun AS (
        SELECT n, obliquity,
               mean_lon + radians(1.915) * sin(anomaly) + radians(0.020) * sin(2 * anomaly) AS lambda
        FROM ecliptic
    ), equatorial AS (
        SELECT n,
               atan2(cos(obliquity) * sin(lambda), cos(lambda)) AS right_ascension,
               asin(sin(obliquity) * sin(lambda)) AS declination
        FROM sun
    ), local_hour AS (
        SELECT declination,
               radians(280.46061837 + 360.98564736629 * n + lon) - right_ascension AS hour_angle
        FROM equatorial
    )
    SELECT degrees(asin(sin(radians(lat)) * sin(declination)
                        + cos(radians(lat)) * cos(declination) * cos(hour_angle)))
    FROM local_hour
$$;

-- Dark is the sun more than 6 degrees below the horizon (after civil dusk, before civil dawn):
-- the sky no longer lights a path and street lighting decides whether it feels safe. The time
-- is when the pin was made on the spot (walks record it) or else when it arrived.
ALTER TABLE pin ADD COLUMN time_of_day text GENERATED ALWAYS AS (
    CASE WHEN sun_altitude(coalesce(recorded_at, created_at), ST_X(location), ST_Y(location)) < -6
         THEN 'dark' ELSE 'day' END) STORED;
