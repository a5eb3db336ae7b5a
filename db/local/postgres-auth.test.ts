import { describe, expect, it } from 'vitest';
import { md5PasswordResponse, ScramClient } from './postgres-auth';

describe('password authentication towards a Postgres server', () => {
  it('answers SCRAM-SHA-256 as RFC 7677 does, and checks the server signature', () => {
    const scram = new ScramClient('pencil', 'rOprNGfwEbeRWgbNEkqO', 'user');
    expect(scram.clientFirstMessage).toBe('n,,n=user,r=rOprNGfwEbeRWgbNEkqO');
    const serverFirst = 'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096';
    expect(scram.respond(serverFirst)).toBe(
      'c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=',
    );
    expect(() => scram.verify('v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=')).not.toThrow();
    expect(() => scram.verify('v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=')).toThrow(/signature/);
  });

  it('refuses a server-first message that does not extend our nonce', () => {
    const scram = new ScramClient('pencil', 'ours');
    expect(() => scram.respond('r=theirs,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096')).toThrow(/malformed/);
  });

  it('answers md5 with md5(md5(password + user) + salt)', () => {
    expect(md5PasswordResponse('postgres', 'secret', Buffer.from([1, 2, 3, 4]))).toBe(
      'md5bb41a296aab6baccb36ff243a562abff',
    );
  });
});
