import { Field, ObjectType } from '@nestjs/graphql';
import { Account } from '../../clinicians/models/account.model';

@ObjectType({ description: 'A fresh session: a short-lived access token and a single-use refresh token.' })
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' })
  accessToken!: string;

  @Field()
  accessTokenExpiresAt!: Date;

  @Field({ description: 'Opaque and single-use: refreshSession returns a new one and retires this.' })
  refreshToken!: string;

  @Field(() => Account)
  account!: Account;
}
