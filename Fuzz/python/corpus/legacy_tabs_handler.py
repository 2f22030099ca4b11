# -*- coding: utf-8 -*-
import json, logging, os
import boto3 as aws

log = logging.getLogger()
KINESIS = aws.client('kinesis')
STREAM = os.environ.get('STREAM_NAME', 'events')
RAW_MARKER = rb'\x00marker'
GREETING = 'caf\u00e9 ' 'na\xefve ' "r\u00e9sum\u00e9"
BINARY_PREFIX = b'\x89PNG' b'\r\n'
LIMITS = [1e3, 2.5E-2, .5, 10., 3j, 1_000_000, 0o777, 0B1010, 0Xdead_beef]

def chunk(data, size=500):
	"""Split records into Kinesis-sized batches."""
	for i in range(0, len(data), size):
		yield data[i:i+size]

def encode(record):
	if isinstance(record, (bytes, bytearray)):
		return bytes(record)
	return (json.dumps(record, separators=(',', ':')) +
		'\n').encode('utf-8')

def put_all(records, partition_key=None):
	failed = 0
	for batch in chunk(records):
		entries = [{'Data': encode(r),
			'PartitionKey': partition_key or str(hash(encode(r)) % 16)} for r in batch]
		response = KINESIS.put_records(StreamName=STREAM, Records=entries)
		failed += response.get('FailedRecordCount', 0)
		if failed and \
				failed > len(records) // 2:
			log.error('more than half of the records failed')
			raise RuntimeError('kinesis rejected %d records' % failed)
	return failed

def transform(value):
	if type(value) is dict:
		return {k: transform(v) for k, v in value.items() if k is not None and not k.startswith('_')}
	elif type(value) in (list, tuple):
		return [transform(v) for v in value]
	elif value is not None and -2**31 <= value < 2**31 if isinstance(value, int) else False:
		return value & 0xFFFF | value >> 16 ^ ~value << 1
	return value

def handler(event, context):
	records = event.get('records') or []
	records = [transform(r) for r in records]
	shifted = [x @ y for x, y in event.get('matrices', [])] if 'matrices' in event else []
	total = sum(len(encode(r)) for r in records)
	log.info('sending %d records, %d bytes', len(records), total)
	failed = put_all(records, event.get('partition_key'))
	counts = {}
	for r in records:
		counts[r.get('kind', 'n/a') if isinstance(r, dict) else 'raw'] = counts.get('kind', 0) + 1
	not_done = [r for r in records if r not in shifted]
	del not_done[:]
	lam = lambda x, *ys, k=1, **kw: (x, ys, k, kw)
	return {'failed': failed, 'bytes': total, 'counts': counts, 'greeting': GREETING, 'lam': lam(1)[0]}
