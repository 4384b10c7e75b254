import type { IndicatorMeta } from '../indicators.service';

/**
 * The bundled sample need indicator, imported on an empty database when SEED_DEMO is on. The
 * VALUES ARE INVENTED for demonstration (plausible in size, not official statistics); the source
 * text says so and the web legend repeats it. The CSV itself is kept beside this file as
 * `children-low-income-sample.csv` (for `npm run import:indicator` demos) and embedded here, so
 * the tsc-only build needs no copy step; a unit test keeps the two identical.
 */
export const SAMPLE_INDICATOR: Required<IndicatorMeta> = {
  name: 'Children in low-income families (illustrative sample)',
  description:
    'Share of children living in low-income families, by local authority. An illustrative sample bundled with Kindred to demonstrate the gaps view: the values are made up and must not be quoted.',
  unit: '% of children',
  source:
    'Illustrative sample, not official statistics: invented values for about 70 large UK local authorities, bundled with Kindred for demonstration. For real figures import e.g. the DWP "Children in low income families: local area statistics".',
  higherIsWorse: true,
};

/** area_code,area_name,value,lat,lng; lat,lng only where the name is not a town the gazetteer knows. */
export const SAMPLE_INDICATOR_CSV = `area_code,area_name,value,lat,lng
E08000025,Birmingham,35.2,,
E08000035,Leeds,24.1,,
E08000003,Manchester,33.4,,
E08000012,Liverpool,30.3,,
E08000032,Bradford,34.6,,
E08000019,Sheffield,25.8,,
E06000023,Bristol,18.9,,
E08000021,Newcastle upon Tyne,28.2,,
E06000018,Nottingham,31.1,,
E06000016,Leicester,29.7,,
E06000002,Middlesbrough,38.4,,
E06000009,Blackpool,33.1,,
E06000010,Kingston upon Hull,32.3,,
E06000021,Stoke-on-Trent,30.8,,
E07000148,Norwich,21.6,,
E06000026,Plymouth,21.2,,
E06000045,Southampton,22.4,,
E06000043,Brighton,14.3,,
E08000004,Oldham,33.9,,
E08000005,Rochdale,32.2,,
E08000001,Bolton,28.8,,
E08000010,Wigan,21.9,,
E08000006,Salford,29.4,,
E08000007,Stockport,16.2,,
E08000011,Knowsley,31.3,,
E08000013,St Helens,23.7,,
E08000024,Sunderland,27.1,,
E08000037,Gateshead,25.6,,
E06000001,Hartlepool,31.4,,
E06000004,Stockton-on-Tees,25.9,,
E06000005,Darlington,23.8,,
E06000008,Blackburn,36.1,,
E07000117,Burnley,30.9,,
E07000123,Preston,25.3,,
E08000026,Coventry,25.4,,
E08000031,Wolverhampton,32.4,,
E08000030,Walsall,31.2,,
E08000027,Dudley,23.9,,
E08000029,Solihull,16.8,,
E06000015,Derby,26.7,,
E06000032,Luton,26.3,,
E06000031,Peterborough,24.6,,
E06000044,Portsmouth,22.1,,
E06000038,Reading,16.9,,
E06000042,Milton Keynes,19.2,,
E06000014,York,12.4,,
E07000008,Cambridge,11.3,,
E07000178,Oxford,13.8,,
E06000022,Bath,10.9,,
E07000041,Exeter,14.1,,
E08000017,Doncaster,26.2,,
E08000018,Rotherham,25.1,,
E08000036,Wakefield,23.3,,
E06000030,Swindon,17.4,,
E09000008,Croydon,22.3,,
E09000012,Hackney,33.2,,
E09000030,Tower Hamlets,44.8,51.5150,-0.0300
E09000025,Newham,38.3,51.5255,0.0350
W06000015,Cardiff,23.4,,
W06000011,Swansea,22.6,,
W06000022,Newport,25.2,,
W06000006,Wrexham,21.8,,
W06000024,Merthyr Tydfil,27.3,,
S12000049,Glasgow,27.4,,
S12000036,Edinburgh,14.6,,
S12000042,Dundee,24.3,,
S12000033,Aberdeen,14.2,,
N09000003,Belfast,24.9,,
N09000005,Derry,28.6,,
`;
