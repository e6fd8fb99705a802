/**
 * What every docs tree's spelling starts from, beneath its own cspell config: cspell's defaults
 * (which already include cspell's shipped `aws` dictionary), plus cspell's shipped `sql` dictionary
 * and a short list of AWS documentation words cspell's `aws` list lacks, and AWS identifiers that
 * are no words at all (instance classes, managed policy names). A config can turn either dictionary
 * off with `"dictionaries": ["!sql", "!aws-docs"]`.
 */
import type { CSpellUserSettings } from 'cspell-lib';

/**
 * Words AWS documentation uses for its own products, features, regions and units, each reported as
 * unknown on the real corpus (`../shared/corpus`) where no writer misspelt it. cspell's `aws`
 * dictionary names services (`CloudTrail`, `Fargate`), not these. Case does not matter (cspell's
 * default), so `Boto` also covers `boto` and `BOTO`.
 */
export const AWS_DOC_WORDS: readonly string[] = [
  'ABAC', // attribute-based access control, IAM's term
  'Alexa',
  'awscurl',
  'awslabs', // AWS's GitHub organisation
  'Boto', // the AWS SDK for Python (Boto3)
  'botocore',
  'burstable', // burstable performance instances
  'BYOL', // bring your own license, an RDS and EC2 licence model
  'Diffie', // Diffie-Hellman, in every infrastructure security page's TLS paragraph
  'Fanout', // SNS fanout
  'FIPS', // FIPS endpoints
  'Freeable', // the FreeableMemory metric
  'gibibyte',
  'gibibytes',
  'IMDS', // the instance metadata service
  'Internetwork', // the standard topic "Internetwork traffic privacy in ..."
  'Ningxia', // the China (Ningxia) Region
  'pgtle', // Trusted Language Extensions for PostgreSQL (pg_tle)
  'PIOPS', // provisioned IOPS
  'PITR', // point-in-time recovery
  'rdsadmin', // RDS's administrative user and packages
  'redrive', // SQS redrive policy
  'resharding',
  'tebibytes',
  'xlarge', // instance sizes: 2xlarge splits into 2 and xlarge
];

/** AWS identifiers cspell should skip as it skips URLs: a name that is no word, not a misspelt one. */
const AWS_IDENTIFIERS = [
  // RDS, ElastiCache and SageMaker instance classes, escaped or not: db.x2iedn.16xlarge, db\.\*\.large
  { name: 'aws-instance-class', pattern: String.raw`/\b(?:db|cache|ml)\\?\.[\w*\\.-]*[\w*]/g` },
  // EC2 instance types: m5d.4xlarge, x2iezn.metal
  { name: 'aws-instance-type', pattern: String.raw`/\b[a-z]+\d+[a-z]*(?:-[a-z]+)?\\?\.(?:\d*x?large|metal|micro|small|medium|nano)\b/g` },
  // managed policy and role names: AWSXRayDaemonWriteAccess, AWSLambdaBasicExecutionRole
  { name: 'aws-managed-name', pattern: String.raw`/\bAWS[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*/g` },
];

/** The settings every docs tree's cspell configuration is layered on. */
export const DOCS_SPELLING_BASE: CSpellUserSettings = {
  dictionaryDefinitions: [{ name: 'aws-docs', words: [...AWS_DOC_WORDS], description: 'AWS documentation words (docs-quality)' }],
  // `sql`: AWS docs name data types and statements (VARCHAR, NVARCHAR, tempdb); it makes none of
  // the 88,897 misspellings cspell's en-common-misspellings lists (four letters or more) a word.
  dictionaries: ['sql', 'aws-docs'],
  patterns: AWS_IDENTIFIERS,
  ignoreRegExpList: AWS_IDENTIFIERS.map(({ name }) => name),
};
