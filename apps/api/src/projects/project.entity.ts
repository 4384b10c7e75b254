import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Point } from 'geojson';
import type { LocationPrecision, StageId, ThemeId } from '@kindred/domain';
import { UserEntity } from '../clinicians/user.entity';

/**
 * An inequality project. `location` is the owner's exact point and never leaves the API for anyone
 * else; `displayLocation` is that point rounded to the owner's chosen precision, computed on write.
 */
@Entity('projects')
export class ProjectEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'owner_id' })
  ownerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_id' })
  owner?: UserEntity;

  @Column('text')
  title!: string;

  @Column('text')
  summary!: string;

  @Column('text', { array: true })
  themes!: ThemeId[];

  @Column('text')
  stage!: StageId;

  /** Not selected unless asked for (`addSelect('p.location')`): only ever for the owner. */
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326, select: false })
  location?: Point;

  @Column({ name: 'display_location', type: 'geography', spatialFeatureType: 'Point', srid: 4326 })
  displayLocation!: Point;

  @Column('text', { name: 'location_precision' })
  locationPrecision!: LocationPrecision;

  @Column('text', { name: 'place_name', nullable: true })
  placeName!: string | null;

  @Column('boolean', { name: 'seeking_collaborators', default: false })
  seekingCollaborators!: boolean;

  @Column('text', { array: true, default: () => `'{}'` })
  links!: string[];

  /** Set when a moderator hides it (or suspends its owner): gone from every public view, still the owner's. */
  @Column('timestamptz', { name: 'hidden_at', nullable: true })
  hiddenAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
